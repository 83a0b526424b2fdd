using System.ComponentModel;
using Hangfire;

namespace PreventionStrategy.Web.Features.Backups;

/// <summary>The daily backup. Run twice it makes two copies, and the retention keeps the count.</summary>
public sealed class BackupJob(DatabaseBackup backup)
{
    public const string RecurringJobId = "database-backup";

    [DisplayName("Sikkerhedskopi af databasen")]
    [AutomaticRetry(Attempts = 3)]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        return await backup.BackUpScheduledAsync(cancellationToken);
    }
}
