using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Backups;

/// <summary>
/// <c>PreventionStrategy.Web backup &lt;file&gt;</c>: the same site configuration, no web server; takes one
/// backup of the database the site uses and exits. Safe while the site runs.
/// </summary>
public static class BackupCommand
{
    public static bool IsRequested(string[] args) => args.Length >= 1 && args[0] == "backup";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await Console.Error.WriteLineAsync("usage: PreventionStrategy.Web backup <file>");
            return 2;
        }

        if (DatabaseProvider.IsPostgreSql(app.Configuration))
        {
            await Console.Error.WriteLineAsync("The backup command copies the embedded SQLite database. This site uses PostgreSQL (Database:Provider): back it up with pg_dump, see the README's \"Backup and restore\". Nothing was written.");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        var made = await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().BackUpToAsync(args[1], CancellationToken.None);
        await Console.Out.WriteLineAsync(made);
        return 0;
    }
}
