using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>
/// Authorisation by resource for every write handler of status and tasks: a milestone owned by
/// Anders (department head of unit U) may be changed by him, by his unit colleague Birgit and by an
/// administrator; Carl (department head of unit V), staff and committee get 403 and nothing changes.
/// Each test makes its own people and milestone, so the order of tests does not matter.
/// </summary>
public sealed class StatusAuthorizationTests(DemoSite site) : IClassFixture<DemoSite>, IAsyncLifetime
{
    private const string Owner = "owner";
    private const string Colleague = "colleague";
    private const string OtherUnit = "other-unit";

    private readonly Dictionary<string, string> emails = [];
    private readonly Dictionary<string, string> userIds = [];
    private int milestoneId;
    private int taskId;
    private int otherUnitsMilestoneId;

    public static TheoryData<string> Handlers => ["UpdateStatus", "TaskCreate", "TaskEdit", "TaskDelete", "TaskToggle"];

    public static TheoryData<string, string> ForbiddenAttempts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var handler in Handlers)
            {
                foreach (var who in new[] { OtherUnit, DemoUsers.Staff, DemoUsers.Committee })
                {
                    data.Add(handler, who);
                }
            }

            return data;
        }
    }

    public static TheoryData<string, string> AllowedAttempts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var handler in Handlers)
            {
                foreach (var who in new[] { Owner, Colleague, DemoUsers.Administrator })
                {
                    data.Add(handler, who);
                }
            }

            return data;
        }
    }

    public async Task InitializeAsync()
    {
        var suffix = MilestoneTestData.Unique();
        var unitU = await site.CreateUnitAsync($"Enhed U {suffix}");
        var unitV = await site.CreateUnitAsync($"Enhed V {suffix}");
        foreach (var (key, name, unit) in new[] { (Owner, "Anders Ejer", unitU), (Colleague, "Birgit Kollega", unitU), (OtherUnit, "Carl Fremmed", unitV) })
        {
            emails[key] = $"{key}-{suffix}@demo.local";
            userIds[key] = await site.CreateUserAsync(emails[key], name, Roles.DepartmentHead, unit);
        }

        milestoneId = await site.CreateMilestoneAsync($"Enhedens milepæl {suffix}", userIds[Owner], progressPercent: 10);
        taskId = await site.CreateTaskAsync(milestoneId, "Skriv kommissorium", userIds[Owner]);
        otherUnitsMilestoneId = await site.CreateMilestoneAsync($"Carls milepæl {suffix}", userIds[OtherUnit]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(ForbiddenAttempts))]
    public async Task A_write_to_a_milestone_outside_ones_own_and_ones_units_is_refused_with_403_and_changes_nothing(string handler, string who)
    {
        var client = await ClientAsync(who);
        var before = await SnapshotAsync();

        var token = await client.AntiforgeryTokenAsync();
        var (url, values) = Request(handler, milestoneId, taskId, await TaskVersionAsync());
        var response = await client.PostWithTokenAsync(url, token, values);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Du har ikke adgang", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("/Milestones/UpdateStatus/{milestone}")]
    [InlineData("/Milestones/TaskEdit?milestoneId={milestone}")]
    [InlineData("/Milestones/TaskEdit/{task}")]
    public async Task A_department_head_of_another_unit_cannot_open_the_forms(string template)
    {
        var client = await ClientAsync(OtherUnit);
        var url = template.Replace("{milestone}", milestoneId.ToString()).Replace("{task}", taskId.ToString());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);

        // The milestone page is readable, but offers no way to change it.
        var details = await client.GetDocumentAsync($"/Milestones/Details/{milestoneId}");
        Assert.Empty(details.QuerySelectorAll("a[href^='/Milestones/UpdateStatus'], a[href^='/Milestones/TaskEdit'], form[action^='/Milestones/TaskEdit']"));
    }

    [Fact]
    public async Task Posting_another_units_task_under_ones_own_milestone_id_is_still_refused()
    {
        var client = await ClientAsync(OtherUnit);
        var before = await SnapshotAsync();
        var token = await client.AntiforgeryTokenAsync();

        // Carl may change his own milestone; the task he names belongs to Anders' milestone.
        var response = await client.PostWithTokenAsync($"/Milestones/TaskEdit/{taskId}", token, new Dictionary<string, string>
        {
            ["MilestoneId"] = otherUnitsMilestoneId.ToString(),
            ["Input.Version"] = (await TaskVersionAsync()).ToString(),
            ["Input.Title"] = "Flyttet af Carl",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
        await using var db = site.CreateDbContext();
        Assert.False(await db.MilestoneTasks.AnyAsync(t => t.MilestoneId == otherUnitsMilestoneId));
    }

    [Fact]
    public async Task Two_department_heads_without_a_unit_are_not_colleagues()
    {
        // The demo department head has no unit; nor has this one. "No unit" must not count as the same unit.
        var s = MilestoneTestData.Unique();
        var unitless = await site.CreateUserAsync($"uden-enhed-{s}@demo.local", "Ulrik Uden Enhed", Roles.DepartmentHead, null);
        var id = await site.CreateMilestoneAsync($"Ulriks milepæl {s}", unitless);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var token = await client.AntiforgeryTokenAsync();

        var response = await client.PostWithTokenAsync($"/Milestones/UpdateStatus/{id}", token, new Dictionary<string, string>
        {
            ["Input.Version"] = "1",
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.Planned, after.Status);
        Assert.Empty(after.StatusUpdates);
    }

    [Theory]
    [MemberData(nameof(AllowedAttempts))]
    public async Task The_owner_a_unit_colleague_and_an_administrator_may_write(string handler, string who)
    {
        var client = await ClientAsync(who);
        var token = await client.AntiforgeryTokenAsync();
        var (url, values) = Request(handler, milestoneId, taskId, await TaskVersionAsync());

        var response = await client.PostWithTokenAsync(url, token, values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Milestones/Details/{milestoneId}", response.Headers.Location!.OriginalString);
        await using var db = site.CreateDbContext();
        var milestone = await db.Milestones.AsNoTracking().Include(m => m.Tasks).Include(m => m.StatusUpdates).AsSplitQuery().SingleAsync(m => m.Id == milestoneId);
        switch (handler)
        {
            case "UpdateStatus":
                Assert.Equal(MilestoneStatus.Cancelled, milestone.Status);
                var update = Assert.Single(milestone.StatusUpdates);
                Assert.Equal(await db.Users.Where(u => u.Id == update.UpdatedById).Select(u => u.Email).SingleAsync(), EmailOf(who));
                break;
            case "TaskCreate":
                Assert.Contains(milestone.Tasks, t => t.Title == "Ny opgave fra forsøget");
                break;
            case "TaskEdit":
                Assert.Equal("Omdøbt af forsøget", Assert.Single(milestone.Tasks).Title);
                break;
            case "TaskDelete":
                Assert.Empty(milestone.Tasks);
                break;
            case "TaskToggle":
                Assert.True(Assert.Single(milestone.Tasks).IsDone);
                break;
        }
    }

    /// <summary>The post each handler takes, as the page's own form would send it.</summary>
    private static (string Url, Dictionary<string, string> Values) Request(string handler, int milestone, int task, int taskVersion) => handler switch
    {
        "UpdateStatus" => ($"/Milestones/UpdateStatus/{milestone}", new()
        {
            ["Input.Version"] = "1",
            ["Input.Status"] = nameof(MilestoneStatus.Cancelled),
            ["Input.ProgressPercent"] = "10",
            ["Input.Comment"] = "Forsøg på at aflyse.",
            ["Input.Reason"] = "Forsøg på at aflyse.",
            ["Input.ConsequenceForPlan"] = "Ingen.",
            ["Input.ConsequenceForFamilies"] = "Ingen.",
            ["Input.NextStep"] = "Ingen.",
            ["Input.NextStepDate"] = "2027-02-01",
        }),
        "TaskCreate" => ($"/Milestones/TaskEdit?milestoneId={milestone}", new()
        {
            ["MilestoneId"] = milestone.ToString(),
            ["Input.Title"] = "Ny opgave fra forsøget",
        }),
        "TaskEdit" => ($"/Milestones/TaskEdit/{task}", new()
        {
            ["Input.Version"] = taskVersion.ToString(),
            ["Input.Title"] = "Omdøbt af forsøget",
        }),
        "TaskDelete" => ($"/Milestones/TaskEdit/{task}?handler=Delete", new()),
        "TaskToggle" => ($"/Milestones/TaskEdit/{task}?handler=Toggle", new() { ["version"] = taskVersion.ToString() }),
        _ => throw new ArgumentOutOfRangeException(nameof(handler)),
    };

    private string EmailOf(string who) => emails.GetValueOrDefault(who) ?? who;

    private async Task<HttpClient> ClientAsync(string who) =>
        emails.TryGetValue(who, out var email) ? await site.SignedInClientAsync(email) : await site.ClientFor(who);

    private async Task<int> TaskVersionAsync()
    {
        await using var db = site.CreateDbContext();
        return await db.MilestoneTasks.Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync();
    }

    /// <summary>Everything a write could change, as one comparable string.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = site.CreateDbContext();
        var m = await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == milestoneId);
        var tasks = await db.MilestoneTasks.AsNoTracking().Where(t => t.MilestoneId == milestoneId || t.Id == taskId).OrderBy(t => t.Id)
            .Select(t => $"{t.Id}/{t.MilestoneId}/{t.Title}/{t.OwnerId}/{t.IsDone}/{t.DoneOn}/{t.Version}").ToListAsync();
        var updates = await db.MilestoneStatusUpdates.CountAsync(u => u.MilestoneId == milestoneId);
        var otherTasks = await db.MilestoneTasks.CountAsync(t => t.MilestoneId == otherUnitsMilestoneId);
        return $"{m.Status}|{m.ProgressPercent}|{m.ForecastDate}|{m.CompletedOn}|{m.Version}|{m.LastStatusUpdateAtUtc:O}|{string.Join(";", tasks)}|{updates}|{otherTasks}";
    }
}
