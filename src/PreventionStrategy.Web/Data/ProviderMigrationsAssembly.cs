using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace PreventionStrategy.Web.Data;

/// <summary>
/// Both providers' migrations live in this assembly, for the same context: EF Core would see both sets.
/// This shows it only those in the provider's folder (Data/Migrations/Sqlite or Data/Migrations/PostgreSql),
/// at run time and for the tools that add a migration.
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is internal API; it is the documented way to filter migrations by provider.
public sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly string folder = "PreventionStrategy.Web.Data.Migrations."
        + (currentContext.Context.Database.IsPostgreSql() ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite);

    private IReadOnlyDictionary<string, TypeInfo>? migrations;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        migrations ??= base.Migrations.Where(m => m.Value.Namespace == folder).ToDictionary().AsReadOnly();

    public override ModelSnapshot? ModelSnapshot =>
        Assembly.GetTypes()
            .Where(t => t.Namespace == folder && typeof(ModelSnapshot).IsAssignableFrom(t) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(AppDbContext))
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t)!)
            .FirstOrDefault();
}
#pragma warning restore EF1001
