using System.Reflection;
using System.Reflection.Metadata;
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
/// <remarks>
/// The folder's types are found by name in the assembly's metadata and only they are loaded. EF Core's own
/// search loads every type of the site on each start to look at its attributes, and with them the libraries
/// they are built on (the charts' ScottPlot and SkiaSharp): memory a site that is not drawing a chart keeps
/// for nothing.
/// </remarks>
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

    private readonly Type contextType = currentContext.Context.GetType();

    private IReadOnlyDictionary<string, TypeInfo>? migrations;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        migrations ??= FolderTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract && BelongsToContext(t))
            .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
            .Where(m => m.Id is not null)
            .Aggregate(new SortedList<string, TypeInfo>(StringComparer.Ordinal), (sorted, m) =>
            {
                sorted.Add(m.Id!, m.Type.GetTypeInfo());
                return sorted;
            })
            .AsReadOnly();

    public override ModelSnapshot? ModelSnapshot =>
        FolderTypes()
            .Where(t => typeof(ModelSnapshot).IsAssignableFrom(t) && !t.IsAbstract && BelongsToContext(t))
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t)!)
            .FirstOrDefault();

    private bool BelongsToContext(Type type) => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType;

    private List<Type> FolderTypes()
    {
        var names = new List<string>();
        unsafe
        {
            if (!Assembly.TryGetRawMetadata(out var blob, out var length))
            {
                throw new InvalidOperationException($"The metadata of {Assembly.GetName().Name} cannot be read to find its migrations.");
            }

            var reader = new MetadataReader(blob, length);
            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                if (type.GetDeclaringType().IsNil && reader.StringComparer.Equals(type.Namespace, folder))
                {
                    names.Add(folder + "." + reader.GetString(type.Name));
                }
            }
        }

        return names.Select(name => Assembly.GetType(name, throwOnError: true)!).ToList();
    }
}
#pragma warning restore EF1001
