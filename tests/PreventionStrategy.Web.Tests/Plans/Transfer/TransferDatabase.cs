using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Demo;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans.Transfer;

namespace PreventionStrategy.Web.Tests.Plans.Transfer;

/// <summary>A real SQLite file in its own temp folder, with the site's schema and the users a plan refers to.</summary>
internal sealed class TransferDatabase : IAsyncDisposable
{
    public const string DepartmentHead = "leder@demo.local";

    public const string StaffMember = "medarbejder@demo.local";

    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly IStringLocalizerFactory LocalizerFactory = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }),
        NullLoggerFactory.Instance);

    private readonly string folder;

    private readonly string connectionString;

    private TransferDatabase(string folder)
    {
        this.folder = folder;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "plans.db"),
            Pooling = false,
        }.ToString();
    }

    public static async Task<TransferDatabase> CreateAsync(params string[] userEmails)
    {
        var folder = Path.Combine(Path.GetTempPath(), "plan-transfer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new TransferDatabase(folder);
        await using var db = database.CreateContext();
        await CreateSchemaAsync(db);
        foreach (var email in userEmails.DefaultIfEmpty(DepartmentHead))
        {
            db.Users.Add(new ApplicationUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                FullName = email.Split('@')[0],
                SecurityStamp = Guid.NewGuid().ToString(),
                CreatedAtUtc = DateTime.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        return database;
    }

    /// <summary>
    /// The site's migrations when the project has them, so the tests run against the real schema;
    /// EnsureCreated only while there are none yet.
    /// </summary>
    private static async Task CreateSchemaAsync(AppDbContext db)
    {
        if (db.Database.GetMigrations().Any())
        {
            await db.Database.MigrateAsync();
        }
        else
        {
            await db.Database.EnsureCreatedAsync();
        }
    }

    /// <remarks>Through <see cref="DatabaseProvider.Use"/>, which shows EF Core only SQLite's migrations (the assembly holds PostgreSQL's too).</remarks>
    public AppDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.Use(DatabaseProvider.Sqlite, connectionString).AddInterceptors(interceptors);
        return new AppDbContext(options.Options);
    }

    public static PlanImporter CreateImporter(AppDbContext db) => new(db, new StringLocalizer<PlanImporter>(LocalizerFactory));

    /// <summary>Imports with a fresh context, as one request would, in the given UI culture (Danish unless told).</summary>
    public async Task<PlanImportResult> ImportAsync(byte[] json, CultureInfo? culture = null)
    {
        CultureInfo.CurrentCulture = culture ?? Danish;
        CultureInfo.CurrentUICulture = culture ?? Danish;
        await using var db = CreateContext();
        using var stream = new MemoryStream(json);
        return await CreateImporter(db).ImportAsync(stream, CancellationToken.None);
    }

    public Task<PlanImportResult> ImportAsync(string json, CultureInfo? culture = null) => ImportAsync(Encoding.UTF8.GetBytes(json), culture);

    public async Task<byte[]> ExportAsync(int strategyId)
    {
        await using var db = CreateContext();
        using var output = new MemoryStream();
        Assert.True(await new PlanExporter(db).WriteJsonAsync(strategyId, output, CancellationToken.None));
        return output.ToArray();
    }

    /// <summary>Rows in every table a plan writes to, join tables included.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountRowsAsync()
    {
        await using var db = CreateContext();
        return new Dictionary<string, int>
        {
            ["Strategies"] = await db.Strategies.CountAsync(),
            ["StrategyKeyDates"] = await db.StrategyKeyDates.CountAsync(),
            ["FocusAreas"] = await db.FocusAreas.CountAsync(),
            ["Milestones"] = await db.Milestones.CountAsync(),
            ["MilestoneStakeholders"] = await db.MilestoneStakeholders.CountAsync(),
            ["MilestoneTasks"] = await db.MilestoneTasks.CountAsync(),
            ["MilestoneFocusAreas"] = await db.Set<Dictionary<string, object>>("MilestoneFocusAreas").CountAsync(),
            ["Stakeholders"] = await db.Stakeholders.CountAsync(),
            ["BudgetInitiatives"] = await db.BudgetInitiatives.CountAsync(),
            ["BudgetAmounts"] = await db.BudgetAmounts.CountAsync(),
            ["BudgetInitiativeFocusAreas"] = await db.Set<Dictionary<string, object>>("BudgetInitiativeFocusAreas").CountAsync(),
            ["BudgetInitiativeMilestones"] = await db.Set<Dictionary<string, object>>("BudgetInitiativeMilestones").CountAsync(),
            ["Committees"] = await db.Committees.CountAsync(),
            ["CommitteeMembers"] = await db.Set<Dictionary<string, object>>("CommitteeMembers").CountAsync(),
            ["CommitteeMeetings"] = await db.CommitteeMeetings.CountAsync(),
            ["Users"] = await db.Users.CountAsync(),
        };
    }

    public static byte[] EmbeddedNorddjursPlan()
    {
        using var resource = DemoSeeder.OpenNorddjursPlan();
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Counts the commands a context sends, to show that a query count does not grow with the data.</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    public int Count { get; private set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count++;
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
