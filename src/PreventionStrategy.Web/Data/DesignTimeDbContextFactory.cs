using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PreventionStrategy.Web.Data;

/// <summary>
/// Lets the EF tools build the model without starting the site (which would migrate and seed). The provider
/// comes from the environment variable <c>Database__Provider</c> (add-migration.sh sets it for each provider in
/// turn); making a migration connects to no database, so the connection strings are placeholders.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        AppDbContext.OmitQueryFilters = args.Contains("--compiled-model");
        var provider = Environment.GetEnvironmentVariable("Database__Provider") ?? DatabaseProvider.Sqlite;
        var connectionString = provider == DatabaseProvider.PostgreSql ? "Host=localhost;Database=design-time" : "Data Source=design-time.db";
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.Use(provider, connectionString, compiledModel: false);
        return new AppDbContext(options.Options);
    }
}
