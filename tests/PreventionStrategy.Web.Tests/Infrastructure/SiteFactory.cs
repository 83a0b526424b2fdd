using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// The site as it runs for real: its own SQLite file in a fresh folder, migrated and seeded with
/// the demo (the Norddjurs plan and one user per role), mail written to a pickup folder.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    /// <summary>Clients speak HTTPS, as browsers do in production: the site's cookies are Secure and would not come back over HTTP.</summary>
    public static readonly Uri BaseAddress = new("https://localhost/");

    private readonly bool ownsFolder;

    /// <summary>Which PostgreSQL database belongs to which site folder, so a second site on the same folder finds the first one's database.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PostgreSqlDatabases = new();

    /// <summary>A fresh site: SQLite, or PostgreSQL when the test run asks for it (<see cref="PostgreSqlCluster.ProviderVariable"/>).</summary>
    public SiteFactory()
        : this(postgreSql: PostgreSqlCluster.IsTestProvider)
    {
    }

    /// <summary>A fresh site on a new database: a SQLite file in its folder, or a database of its own in the shared PostgreSQL cluster.</summary>
    public SiteFactory(bool postgreSql)
        : this(Directory.CreateTempSubdirectory("preventionstrategy-tests-").FullName)
    {
        ownsFolder = true;
        if (postgreSql)
        {
            PostgreSqlConnectionString = PostgreSqlCluster.Shared.CreateDatabase();
            PostgreSqlDatabases[Folder] = PostgreSqlConnectionString;
        }
    }

    /// <summary>A site on an existing PostgreSQL database (one a data move filled), in a folder of its own.</summary>
    public SiteFactory(string postgreSqlConnectionString, bool ownFolder)
        : this(Directory.CreateTempSubdirectory("preventionstrategy-tests-").FullName)
    {
        ownsFolder = ownFolder;
        PostgreSqlConnectionString = postgreSqlConnectionString;
        PostgreSqlDatabases[Folder] = postgreSqlConnectionString;
    }

    /// <summary>A second site on the same files (or PostgreSQL database) as an earlier one: another server, or the same site after a restart. The folder is left for its owner to delete.</summary>
    public SiteFactory(string folder)
    {
        Folder = folder;
        PostgreSqlConnectionString = PostgreSqlDatabases.GetValueOrDefault(folder);
        ClientOptions.BaseAddress = BaseAddress;
    }

    public string Folder { get; }

    /// <summary>Settings on top of the test defaults, set before the site starts (e.g. an SMTP server's address).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The site's clock, which a test may move forward to see what happens days later.</summary>
    public ShiftedClock Clock { get; } = new();

    public string DatabasePath => Path.Combine(Folder, "site.db");

    /// <summary>Set when the site runs on PostgreSQL instead of its SQLite file (<see cref="PostgreSqlCluster"/>).</summary>
    public string? PostgreSqlConnectionString { get; }

    public bool IsPostgreSql => PostgreSqlConnectionString is not null;

    public string ConnectionString => PostgreSqlConnectionString ?? $"Data Source={DatabasePath}";

    public string MailFolder => Path.Combine(Folder, "mail");

    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>What this site logged at Error level (also appended to <see cref="ErrorLog.Path"/>).</summary>
    public ErrorLog Errors { get; } = new();

    public AppDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.Use(IsPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, ConnectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:Provider", IsPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Site:PublicBaseUrl", "http://localhost");

        // Where HTTP is redirected to; Kestrel reports it itself when it listens on HTTPS.
        builder.UseSetting("https_port", "443");

        // Hundreds of tests sign in from the same (absent) client address; the limit's own test sets it back.
        builder.UseSetting("Security:SignInRequestsPerMinute", "100000");

        // The demo users sign in with a password alone; tests of the requirement turn it on in Settings.
        builder.UseSetting("Security:RequireTwoFactorForEditors", "false");

        // Tests run the jobs themselves, when they choose; a Hangfire server would run them on its own schedule.
        builder.UseSetting("Jobs:ServerEnabled", "false");

        // A weekly digest would add a message to every count of mail a test makes; the digest's own tests turn it on.
        builder.UseSetting("Digest:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(SqlCommands));
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        if (disposing && ownsFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left to the OS temp cleaner; it is not worth failing a test run.
            }
        }
    }
}
