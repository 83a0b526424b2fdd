using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>
/// What the status-update tests set up through the database: units, department heads in them, and
/// milestones of their own, so a test that changes a milestone never touches what another test reads.
/// </summary>
internal static class MilestoneTestData
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>Today in Denmark, the day the site counts from.</summary>
    public static DateOnly DanishToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Copenhagen));

    /// <summary>A date the way the site writes it in Danish: "23. november 2026".</summary>
    public static string Danish(DateOnly date) => date.ToString("d. MMMM yyyy", new System.Globalization.CultureInfo("da-DK"));

    public static PlannedTiming CurrentQuarter()
    {
        var today = DanishToday;
        return PlannedTiming.InQuarter(today.Year, (today.Month - 1) / 3 + 1);
    }

    public static PlannedTiming PreviousQuarter()
    {
        var firstOfQuarter = CurrentQuarter().Start;
        var lastOfPrevious = firstOfQuarter.AddDays(-1);
        return PlannedTiming.InQuarter(lastOfPrevious.Year, (lastOfPrevious.Month - 1) / 3 + 1);
    }

    /// <summary>A quarter well ahead, so the milestone is neither overdue nor near it.</summary>
    public static PlannedTiming NextYearQuarter() => PlannedTiming.InQuarter(DanishToday.Year + 1, 2);

    /// <summary>A short unique suffix, so test data made in one shared site never collides.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    public static async Task<int> CreateUnitAsync(this SiteFactory site, string name)
    {
        await using var db = site.CreateDbContext();
        var unit = new Stakeholder { Kind = StakeholderKind.Unit, Name = name };
        db.Stakeholders.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    /// <summary>A user who signs in with the demo password (so <see cref="Pages.SignedInClientAsync"/> works for them).</summary>
    public static async Task<string> CreateUserAsync(this SiteFactory site, string email, string fullName, string role, int? unitId)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            UnitId = unitId,
            CreatedAtUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, Pages.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var inRole = await users.AddToRoleAsync(user, role);
        Assert.True(inRole.Succeeded, string.Join("; ", inRole.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public static async Task<string> UserIdAsync(this SiteFactory site, string email)
    {
        await using var db = site.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static async Task<int> StrategyIdAsync(this SiteFactory site)
    {
        await using var db = site.CreateDbContext();
        return await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    /// <summary>A milestone of the demo strategy, made straight in the database.</summary>
    public static async Task<int> CreateMilestoneAsync(
        this SiteFactory site,
        string title,
        string? ownerId,
        PlannedTiming? timing = null,
        MilestoneStatus status = MilestoneStatus.Planned,
        int progressPercent = 0,
        DateOnly? forecastDate = null,
        DateTime? lastStatusUpdateAtUtc = null,
        MilestoneKind kind = MilestoneKind.Deliverable)
    {
        await using var db = site.CreateDbContext();
        var strategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var milestone = new Milestone
        {
            StrategyId = strategyId,
            Title = title,
            Kind = kind,
            Timing = timing ?? NextYearQuarter(),
            OwnerId = ownerId,
            Status = status,
            ProgressPercent = progressPercent,
            ForecastDate = forecastDate,
            CompletedOn = status == MilestoneStatus.Done ? DanishToday.AddDays(-30) : null,
            LastStatusUpdateAtUtc = lastStatusUpdateAtUtc ?? DateTime.UtcNow,
        };
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
    }

    public static async Task<int> CreateTaskAsync(this SiteFactory site, int milestoneId, string title, string? ownerId = null, bool isDone = false)
    {
        await using var db = site.CreateDbContext();
        var task = new MilestoneTask { MilestoneId = milestoneId, Title = title, OwnerId = ownerId, IsDone = isDone };
        db.MilestoneTasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    public static async Task<Milestone> MilestoneAsync(this SiteFactory site, int id)
    {
        await using var db = site.CreateDbContext();
        return await db.Milestones.AsNoTracking().Include(m => m.Tasks).Include(m => m.StatusUpdates).AsSplitQuery().SingleAsync(m => m.Id == id);
    }

    /// <summary>An antiforgery token from a page every signed-in user may read, for posting to a page they may not load.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync("/");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    public static Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, string token, IReadOnlyDictionary<string, string> values)
    {
        var fields = new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = token };
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The selected value of a select on a page.</summary>
    public static string? SelectedValue(this IHtmlDocument page, string selector) =>
        (page.QuerySelector(selector) as IHtmlSelectElement)?.SelectedOptions.FirstOrDefault()?.Value;

    /// <summary>The table row that links to the milestone, or null.</summary>
    public static IElement? RowOf(this IParentNode page, int milestoneId) =>
        page.QuerySelectorAll("tr").FirstOrDefault(row => row.QuerySelector($"a[href='/Milestones/Details/{milestoneId}']") is not null);

    /// <summary>The success message the site shows after a save.</summary>
    public static string? SuccessMessage(this IHtmlDocument page) =>
        page.QuerySelector(".alert-success .alert-text")?.TextContent.Trim();

    /// <summary>Whitespace collapsed, for comparing text that spans elements.</summary>
    public static string Text(this INode node) => System.Text.RegularExpressions.Regex.Replace(node.TextContent, @"\s+", " ").Trim();
}
