using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.PageCache;

/// <summary>
/// What the dashboard, the milestone list, the focus area's page and the timeline read is kept once for everybody (a read model) until
/// the content version moves. Two sites on one database file stand for two servers; the persons who look after the
/// change have never seen the pages, so their page-cache entries cannot be what answers them.
/// </summary>
public sealed class ReadModelTests : TwoServersOnOneDatabase
{
    [Fact]
    public async Task A_change_through_another_server_shows_on_the_next_request_of_a_page_drawn_from_a_kept_read_model()
    {
        var (strategy, milestone, focusArea) = await ThemeDayAsync();
        string[] pages =
        [
            $"/Plans/Dashboard/{strategy}",
            $"/Milestones?strategyId={strategy}",
            $"/FocusAreas/Details/{focusArea}",
            $"/Timeline?strategyId={strategy}",
            $"/Timeline?strategyId={strategy}&zoom=Year&table=true",
        ];
        var head = await Second.SignedInClientAsync(DemoUsers.DepartmentHead);
        foreach (var page in pages)
        {
            Assert.Contains(ThemeDay, await BodyAsync(head, page));
        }

        var editor = await First.SignedInClientAsync(DemoUsers.Administrator);
        var saved = await editor.SubmitAsync($"/Milestones/Edit/{milestone}", new Dictionary<string, string> { ["Input.Title"] = "Temadag om strategiens forankring, flyttet" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Staff have seen none of these pages: only a read model kept past the change could show them the old title.
        var staff = await Second.SignedInClientAsync(DemoUsers.Staff);
        foreach (var page in pages)
        {
            var body = await BodyAsync(staff, page);
            Assert.True(body.Contains("Temadag om strategiens forankring, flyttet", StringComparison.Ordinal), $"{page} still shows the old title");
            Assert.DoesNotContain(ThemeDay, body);
        }
    }

    [Fact]
    public async Task A_second_persons_first_visit_reuses_what_the_first_read_and_neither_sees_the_others_parts()
    {
        var (strategy, _, _) = await ThemeDayAsync();
        var headId = await Second.UserIdAsync(DemoUsers.DepartmentHead);
        var atRisk = await Second.CreateMilestoneAsync($"I risiko {MilestoneTestData.Unique()}", headId, status: MilestoneStatus.AtRisk);
        var dashboard = $"/Plans/Dashboard/{strategy}";
        var quickForm = $"/Milestones/UpdateStatus/{atRisk}";
        var editStrategy = $"/Plans/Edit/{strategy}";
        var admin = await Second.SignedInClientAsync(DemoUsers.Administrator);
        var head = await Second.SignedInClientAsync(DemoUsers.DepartmentHead);
        var staff = await Second.SignedInClientAsync(DemoUsers.Staff);

        // The administrator draws the dashboard first, then the others draw theirs from what was read for the administrator.
        var adminCommands = await Second.SqlCommandsAfterAsync(() => BodyAsync(admin, dashboard));
        string staffPage = "", headPage = "";
        var staffCommands = await Second.SqlCommandsAfterAsync(async () => staffPage = await BodyAsync(staff, dashboard));
        await Second.SqlCommandsAfterAsync(async () => headPage = await BodyAsync(head, dashboard));
        var adminPage = await BodyAsync(admin, dashboard);
        Assert.True(staffCommands < adminCommands / 2, $"the staff's first visit issued {staffCommands} SQL commands against the administrator's {adminCommands}: the read model was not reused");

        Assert.Contains(quickForm, adminPage);
        Assert.Contains(editStrategy, adminPage);
        Assert.Contains(quickForm, headPage);
        Assert.DoesNotContain(editStrategy, headPage);
        Assert.DoesNotContain(quickForm, staffPage);
        Assert.DoesNotContain(editStrategy, staffPage);

        // The list the same way: its rows are shared, the quick forms are the reader's.
        var list = $"/Milestones?strategyId={strategy}&status=AtRisk";
        string adminList = "", staffList = "";
        var adminListCommands = await Second.SqlCommandsAfterAsync(async () => adminList = await BodyAsync(admin, list));
        var staffListCommands = await Second.SqlCommandsAfterAsync(async () => staffList = await BodyAsync(staff, list));
        Assert.True(staffListCommands < adminListCommands / 2, $"the staff's first visit to the list issued {staffListCommands} SQL commands against the administrator's {adminListCommands}: the read model was not reused");
        Assert.Contains(quickForm, adminList);
        Assert.DoesNotContain(quickForm, staffList);
        Assert.Contains(quickForm, await BodyAsync(head, list));

        // The other way round after a change: staff first, then the administrator still gets the administrator's parts.
        await First.TouchContentAsync();
        var staffAgain = await BodyAsync(await Second.SignedInClientAsync(DemoUsers.Staff), dashboard);
        var adminAgain = await BodyAsync(await Second.SignedInClientAsync(DemoUsers.Administrator), dashboard);
        Assert.DoesNotContain(quickForm, staffAgain);
        Assert.DoesNotContain(editStrategy, staffAgain);
        Assert.Contains(quickForm, adminAgain);
        Assert.Contains(editStrategy, adminAgain);
    }
}
