using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.DataMove;

/// <summary>
/// <c>PreventionStrategy.Web move-to-postgresql "&lt;connection string&gt;"</c>: the site's own settings name the
/// SQLite database to move; the argument names the empty PostgreSQL database to move it into. Prints a line per
/// table (rows and checksum on each side); exit code 0 only when every table matches.
/// </summary>
public static class MoveToPostgreSqlCommand
{
    public const string Name = "move-to-postgresql";

    public static bool IsRequested(string[] args) => args.Length >= 1 && args[0] == Name;

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await output.WriteLineAsync($"usage: PreventionStrategy.Web {Name} \"Host=…;Database=…;Username=…;Password=…\"");
            return 2;
        }

        if (DatabaseProvider.IsPostgreSql(app.Configuration))
        {
            await output.WriteLineAsync("Refused: this site already uses PostgreSQL (Database:Provider). The move reads the site's SQLite database; run it with the SQLite settings.");
            return 2;
        }

        var sqlite = app.Configuration.GetConnectionString("Default") ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        var results = await new SqliteToPostgreSql(sqlite, args[1], output).RunAsync();
        if (results is null)
        {
            return 3;
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"table",-32} {"SQLite rows",12} {"PostgreSQL rows",16}  {"SQLite checksum",-16}  {"PostgreSQL checksum",-19}  verdict");
        foreach (var table in results)
        {
            await output.WriteLineAsync($"{table.Table,-32} {table.SourceRows,12} {table.TargetRows,16}  {table.SourceChecksum,-16}  {table.TargetChecksum,-19}  {(table.Matches ? "same" : "DIFFERENT")}");
        }

        var different = results.Count(t => !t.Matches);
        await output.WriteLineAsync(different == 0
            ? $"All {results.Count} tables moved and verified. Point the site at PostgreSQL: Database:Provider=PostgreSql, ConnectionStrings:Default=<the same connection string>."
            : $"{different} table(s) differ. Do not switch the site over; the PostgreSQL database can be dropped and the move run again.");
        return different == 0 ? 0 : 1;
    }
}
