using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Tests.Data;

/// <summary>
/// The site reads its model from its provider's compiled model in Data/CompiledModels, written by
/// <c>add-migration.sh</c>; these tests fail when one no longer matches what AppDbContext configures
/// (a model change without running the script).
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_site_on_SQLite_uses_SQLites_compiled_model()
    {
        using var context = Context(DatabaseProvider.Sqlite);

        Assert.IsType<PreventionStrategy.Web.Data.CompiledModels.Sqlite.AppDbContextModel>(context.Model);
    }

    [Fact]
    public void The_site_on_PostgreSQL_uses_PostgreSQLs_compiled_model()
    {
        using var context = Context(DatabaseProvider.PostgreSql);

        Assert.IsType<PreventionStrategy.Web.Data.CompiledModels.PostgreSql.AppDbContextModel>(context.Model);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_compiled_model_has_the_tables_columns_keys_indexes_converters_and_query_filters_AppDbContext_configures(string provider)
    {
        using var context = Context(provider);
        var configured = context.GetService<IDesignTimeModel>().Model;

        var expected = Describe(configured);
        var compiled = Describe(context.Model);

        var differences = expected.Except(compiled).Select(line => "configured only: " + line)
            .Concat(compiled.Except(expected).Select(line => "compiled only:   " + line))
            .ToList();
        Assert.True(differences.Count == 0,
            "Run src/PreventionStrategy.Web/Data/add-migration.sh --compiled-model (or make the migration with it):\n" + string.Join("\n", differences));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Queries_through_the_compiled_model_leave_archived_milestones_out(string provider)
    {
        using var context = Context(provider);

        // Each would fail to compile, or lose its condition, if the compiled model's filters were missing or malformed.
        Assert.Contains("\"IsArchived\"", Condition(context.Milestones.ToQueryString()));
        Assert.Contains("\"IsArchived\"", Condition(context.MilestoneTasks.ToQueryString()));
        Assert.Contains("\"IsArchived\"", Condition(context.MilestoneStatusUpdates.ToQueryString()));
        Assert.Contains("\"IsArchived\"", Condition(context.CommitteeDecisions.ToQueryString()));
        Assert.Equal("", Condition(context.Milestones.IgnoreQueryFilters().ToQueryString()));
    }

    private static string Condition(string sql) => sql.Contains("WHERE") ? sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..] : "";

    /// <summary>Connects to nothing: building the model and writing SQL need no database.</summary>
    private static AppDbContext Context(string provider)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.Use(provider, provider == DatabaseProvider.PostgreSql ? "Host=localhost;Database=compiled-model" : "Data Source=:memory:");
        return new AppDbContext(options.Options);
    }

    /// <summary>What the site's queries and saves depend on, one line per fact, in a fixed order.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entityType in model.GetEntityTypes().OrderBy(e => e.Name))
        {
            var prefix = entityType.Name;
            lines.Add($"{prefix} table={entityType.GetTableName()} base={entityType.BaseType?.Name} owned={entityType.IsOwned()}");
            lines.AddRange(entityType.GetDeclaredQueryFilters().Select(f => $"{prefix} filter {f.Key} {f.Expression}"));
            foreach (var property in entityType.GetDeclaredProperties().OrderBy(p => p.Name))
            {
                var mapping = property.GetRelationalTypeMapping();
                lines.Add($"{prefix}.{property.Name} {property.ClrType.Name} null={property.IsNullable} max={property.GetMaxLength()} " +
                          $"generated={property.ValueGenerated} concurrency={property.IsConcurrencyToken} shadow={property.IsShadowProperty()} " +
                          $"column={property.GetColumnName()} store={mapping.StoreType} converter={mapping.Converter?.GetType().Name} " +
                          $"provider={(mapping.Converter?.ProviderClrType ?? property.ClrType).Name} comparer={property.GetValueComparer().GetType().Name}");
            }

            lines.AddRange(entityType.GetDeclaredNavigations().OrderBy(n => n.Name).Select(n =>
                $"{prefix}.{n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection} eager={n.IsEagerLoaded} " +
                $"fk=({string.Join(",", n.ForeignKey.Properties.Select(p => p.Name))}) delete={n.ForeignKey.DeleteBehavior} required={n.ForeignKey.IsRequired}"));
            lines.AddRange(entityType.GetDeclaredSkipNavigations().OrderBy(n => n.Name).Select(n =>
                $"{prefix}.{n.Name} => {n.TargetEntityType.Name} via {n.JoinEntityType.Name}"));
            lines.AddRange(entityType.GetDeclaredKeys().Select(k =>
                $"{prefix} key ({string.Join(",", k.Properties.Select(p => p.Name))}) primary={k.IsPrimaryKey()} name={k.GetName()}").Order());
            lines.AddRange(entityType.GetDeclaredIndexes().Select(i =>
                $"{prefix} index ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique} name={i.GetDatabaseName()} filter={i.GetFilter()}").Order());
            lines.AddRange(entityType.GetDeclaredForeignKeys().Select(f =>
                $"{prefix} fk ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} name={f.GetConstraintName()} delete={f.DeleteBehavior}").Order());
            lines.AddRange(entityType.GetDeclaredComplexProperties().OrderBy(c => c.Name).Select(c =>
                $"{prefix}.{c.Name} complex {c.ComplexType.ClrType.Name} null={c.IsNullable}"));
        }

        return lines;
    }
}
