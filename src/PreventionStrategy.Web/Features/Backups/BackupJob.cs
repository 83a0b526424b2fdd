using System.ComponentModel;
using Hangfire;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Backups;

/// <summary>The daily backup. Run twice it makes two copies, and the retention keeps the count.</summary>
public sealed class BackupJob(DatabaseBackup backup, DatabaseReadiness database)
{
    public const string RecurringJobId = "database-backup";

    [DisplayName("Sikkerhedskopi af databasen")]
    [AutomaticRetry(Attempts = 3)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        await database.Ready.WaitAsync(cancellationToken);
        return await backup.BackUpScheduledAsync(cancellationToken);
    }
}
