using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PreventionStrategy.Web.Data;

/// <summary>
/// The one place that turns <c>Database:Provider</c> and <c>ConnectionStrings:Default</c> into EF Core options,
/// for the site, the design-time tools and the data move alike. Each provider has its own migrations,
/// told apart by namespace (<see cref="ProviderMigrationsAssembly"/>).
/// </summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSql";

    public static string From(IConfiguration configuration) =>
        configuration.GetValue<string>(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider)) ?? Sqlite;

    public static bool IsPostgreSql(IConfiguration configuration) =>
        string.Equals(From(configuration), PostgreSql, StringComparison.Ordinal);

    /// <param name="compiledModel">
    /// The provider's compiled model (Data/CompiledModels) instead of building the model from AppDbContext's
    /// configuration, which was the largest part of a cold start. Off only for EF Core's design-time tools.
    /// </param>
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, string provider, string connectionString, int commandTimeoutSeconds = DatabaseOptions.DefaultBusyTimeoutSeconds, bool compiledModel = true)
    {
        var postgreSql = string.Equals(provider, PostgreSql, StringComparison.Ordinal);
        if (postgreSql)
        {
            PostgreSqlSpecifics.Use(options, connectionString, commandTimeoutSeconds);
        }
        else
        {
            options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(commandTimeoutSeconds));
        }

#if !WITHOUT_COMPILED_MODEL
        if (compiledModel)
        {
            options.UseModel(postgreSql ? PostgreSqlSpecifics.CompiledModel() : CompiledModels.Sqlite.AppDbContextModel.Instance);
        }
#endif

        return options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    public static bool IsPostgreSql(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
