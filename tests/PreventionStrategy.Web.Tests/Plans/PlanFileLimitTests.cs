using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Plans;

/// <summary>What an outside probe sent: valid plan files large or deep enough to stop the server or lock everyone out.</summary>
public sealed class PlanFileLimitTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_chain_of_40000_units_is_refused_naming_the_depth_limit_and_the_site_lives_on()
    {
        var json = GeneratedPlans.UnitChain(40_000);
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 2_500_000, 5_000_000);

        var errors = await RefusedAsync(json);

        Assert.Contains(errors, e => e.Contains("højst have 2.000 interessenter", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await (await site.ClientFor(DemoUsers.Staff)).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_chain_of_units_deeper_than_the_limit_is_refused_naming_the_limit()
    {
        var errors = await RefusedAsync(GeneratedPlans.UnitChain(2_000));

        Assert.Contains(errors, e => e.Contains("højst 20 niveauer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chain_of_40000_preconditions_is_refused_naming_the_depth_limit()
    {
        var errors = await RefusedAsync(GeneratedPlans.PreconditionChain(40_000));

        Assert.Contains(errors, e => e.Contains("højst have 2.000 milepæle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chain_of_preconditions_deeper_than_the_limit_is_refused_naming_the_limit()
    {
        var errors = await RefusedAsync(GeneratedPlans.PreconditionChain(102));

        Assert.Contains(errors, e => e.Contains("højst 100 led", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_with_more_milestones_than_the_limit_is_refused_naming_the_limit()
    {
        var errors = await RefusedAsync(GeneratedPlans.ManyMilestones(2_001, "For mange milepæle"));

        Assert.Contains(errors, e => e.Contains("højst have 2.000 milepæle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_in_succeeds_while_the_probes_plan_of_48000_milestones_is_imported()
    {
        var json = GeneratedPlans.ManyMilestones(48_000, "Probens plan");
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 4_600_000, 5 * 1024 * 1024);

        await AssertSignInWorksDuringImportAsync(json);
    }

    [Fact]
    public async Task Signing_in_succeeds_while_a_plan_at_the_limits_is_imported()
    {
        var json = GeneratedPlans.ManyMilestones(2_000, "Plan ved grænsen");

        var import = await AssertSignInWorksDuringImportAsync(json);

        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        await using var db = site.CreateDbContext();
        var strategy = await db.Strategies.SingleAsync(s => s.Name == "Plan ved grænsen");
        Assert.Equal(2_000, await db.Milestones.CountAsync(m => m.StrategyId == strategy.Id));
    }

    [Fact]
    public async Task A_plan_with_300_unused_persons_is_summarised_and_sets_no_large_cookie()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await GeneratedPlans.UploadAsync(admin, GeneratedPlans.UnusedPersons(300, "Ubrugte personer"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.True(cookies.Sum(c => c.Length) < 4096, $"The import set {cookies.Count} cookies of {cookies.Sum(c => c.Length)} bytes");
        var dashboard = await admin.GetAsync(response.Headers.Location);
        Assert.Contains("300 interessenter bruges ikke", await dashboard.Content.ReadAsStringAsync());
    }

    private async Task<IReadOnlyList<string>> RefusedAsync(string json)
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        await using var db = site.CreateDbContext();
        var before = await db.Strategies.CountAsync();

        var response = await GeneratedPlans.UploadAsync(admin, json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await db.Strategies.CountAsync());
        return (await response.ParseAsync()).ErrorMessages();
    }

    /// <summary>Starts the import, waits until it holds the database's write lock (or is done), then signs in as someone else.</summary>
    private async Task<HttpResponseMessage> AssertSignInWorksDuringImportAsync(string json)
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        using var stop = new CancellationTokenSource();
        var import = GeneratedPlans.UploadAsync(admin, json, stop.Token);
        while (!import.IsCompleted && !WriteLockIsTaken())
        {
            await Task.Delay(20);
        }

        var signIn = site.CreateBrowserlessClient();
        var response = await signIn.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.Staff,
            ["Input.Password"] = Pages.DemoPassword,
        });
        if (!import.IsCompleted)
        {
            await stop.CancelAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await import;
    }

    private bool WriteLockIsTaken()
    {
        using var connection = new SqliteConnection($"Data Source={site.DatabasePath};Default Timeout=0;Pooling=False");
        connection.Open();
        try
        {
            using var transaction = connection.BeginTransaction();
            return false;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 5 or 6)
        {
            return true;
        }
    }
}
