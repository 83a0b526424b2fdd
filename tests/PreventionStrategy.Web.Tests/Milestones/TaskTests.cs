using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>Tasks under a milestone: the owner adds, reassigns, ticks off and deletes them, and the milestone's progress can follow them.</summary>
public sealed class TaskTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static string DetailsUrl(int id) => $"/Milestones/Details/{id}";

    private static string ToggleForm(int taskId) => $"form[action='/Milestones/TaskEdit/{taskId}?handler=Toggle']";

    [Fact]
    public async Task Owner_adds_a_task_reassigns_it_and_ticks_it_off_and_the_progress_follows_the_tasks()
    {
        var leder = await site.UserIdAsync(DemoUsers.DepartmentHead);
        var staff = await site.UserIdAsync(DemoUsers.Staff);
        var id = await site.CreateMilestoneAsync($"Opgavestyret {MilestoneTestData.Unique()}", leder);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);

        // Add a task, owned by the department head.
        var created = await client.SubmitAsync($"/Milestones/TaskEdit?milestoneId={id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "Indkald til opstartsmøde",
            ["Input.OwnerId"] = leder,
            ["Input.DueDate"] = "2027-01-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(DetailsUrl(id), created.Headers.Location!.OriginalString);
        var first = await SingleTaskAsync(id, "Indkald til opstartsmøde");
        Assert.Equal(leder, first.OwnerId);
        Assert.Equal(new DateOnly(2027, 1, 15), first.DueDate);
        Assert.False(first.IsDone);
        var details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal(["Indkald til opstartsmøde", "Lars Leder", "15. januar 2027"], TaskRow(details, first.Id).QuerySelectorAll("td").Take(3).Select(c => c.Text()));

        // Reassign it to a member of staff.
        var reassigned = await client.SubmitAsync($"/Milestones/TaskEdit/{first.Id}", new Dictionary<string, string> { ["Input.OwnerId"] = staff });
        Assert.Equal(HttpStatusCode.Redirect, reassigned.StatusCode);
        first = await SingleTaskAsync(id, "Indkald til opstartsmøde");
        Assert.Equal(staff, first.OwnerId);
        Assert.Equal(new DateOnly(2027, 1, 15), first.DueDate);
        details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("Mette Medarbejder", TaskRow(details, first.Id).QuerySelectorAll("td")[1].Text());

        // Let the milestone's progress follow its tasks; the typed-in progress is then ignored.
        var follow = await client.SubmitAsync($"/Milestones/UpdateStatus/{id}", new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.ProgressPercent"] = "70",
            ["Input.ProgressFromTasks"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        var milestone = await site.MilestoneAsync(id);
        Assert.True(milestone.ProgressFromTasks);
        Assert.Equal(0, milestone.ProgressPercent);

        // A second task: 0 of 2 done.
        var second = await client.SubmitAsync($"/Milestones/TaskEdit?milestoneId={id}", new Dictionary<string, string> { ["Input.Title"] = "Skriv referat" });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var secondTask = await SingleTaskAsync(id, "Skriv referat");
        Assert.Null(secondTask.OwnerId);
        Assert.Equal(0, (await site.MilestoneAsync(id)).ProgressPercent);

        // Tick the first off from the milestone page: 1 of 2 = 50 %.
        var ticked = await client.SubmitAsync(DetailsUrl(id), new Dictionary<string, string>(), ToggleForm(first.Id));
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Equal(DetailsUrl(id), ticked.Headers.Location!.OriginalString);
        first = await SingleTaskAsync(id, "Indkald til opstartsmøde");
        Assert.True(first.IsDone);
        Assert.Equal(MilestoneTestData.DanishToday, first.DoneOn);
        Assert.Equal(50, (await site.MilestoneAsync(id)).ProgressPercent);
        details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("Opgaven \"Indkald til opstartsmøde\" er opdateret.", details.SuccessMessage());
        Assert.Equal("50 %", Definition(details, "Fremdrift (%)"));
        Assert.StartsWith("Ja", TaskRow(details, first.Id).QuerySelectorAll("td")[3].Text());
        Assert.Equal("Milepælens fremdrift beregnes ud fra, hvor mange opgaver der er udført.", FindHint(details));

        // Deleting the open task leaves 1 of 1 done: 100 %.
        var deleted = await client.SubmitAsync($"/Milestones/TaskEdit/{secondTask.Id}", new Dictionary<string, string>(), "main form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var db = site.CreateDbContext())
        {
            Assert.False(await db.MilestoneTasks.AnyAsync(t => t.Id == secondTask.Id));
        }

        Assert.Equal(100, (await site.MilestoneAsync(id)).ProgressPercent);

        // Reopening the last task takes the progress back to 0 %.
        var reopened = await client.SubmitAsync(DetailsUrl(id), new Dictionary<string, string>(), ToggleForm(first.Id));
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        first = await SingleTaskAsync(id, "Indkald til opstartsmøde");
        Assert.False(first.IsDone);
        Assert.Null(first.DoneOn);
        Assert.Equal(0, (await site.MilestoneAsync(id)).ProgressPercent);
    }

    [Fact]
    public async Task Without_progress_from_tasks_ticking_a_task_leaves_the_typed_progress_alone()
    {
        var id = await site.CreateMilestoneAsync($"Manuel fremdrift {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead), progressPercent: 35);
        var taskId = await site.CreateTaskAsync(id, "Eneste opgave");
        var client = await site.ClientFor(DemoUsers.DepartmentHead);

        var ticked = await client.SubmitAsync(DetailsUrl(id), new Dictionary<string, string>(), ToggleForm(taskId));

        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.True((await SingleTaskAsync(id, "Eneste opgave")).IsDone);
        Assert.Equal(35, (await site.MilestoneAsync(id)).ProgressPercent);
    }

    [Fact]
    public async Task Ticking_off_a_task_someone_changed_meanwhile_is_refused_and_changes_nothing()
    {
        var id = await site.CreateMilestoneAsync($"Gammel side {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead));
        var taskId = await site.CreateTaskAsync(id, "Book lokale");
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var stalePage = await client.GetDocumentAsync(DetailsUrl(id));

        // Someone renames the task after the page was loaded.
        var renamed = await (await site.SignedInClientAsync(DemoUsers.Administrator)).SubmitAsync($"/Milestones/TaskEdit/{taskId}", new Dictionary<string, string> { ["Input.Title"] = "Book stort lokale" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var ticked = await client.SubmitFormAsync(stalePage, DetailsUrl(id), new Dictionary<string, string>(), ToggleForm(taskId));

        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        var task = await SingleTaskAsync(id, "Book stort lokale");
        Assert.False(task.IsDone);
        var details = await client.GetDocumentAsync(DetailsUrl(id));
        Assert.Equal("En anden har ændret opgaven i mellemtiden. Se den nye tilstand og prøv igen.", details.QuerySelector(".alert-error .alert-text")!.Text());
    }

    [Fact]
    public async Task A_task_needs_a_title_and_an_existing_active_owner()
    {
        var id = await site.CreateMilestoneAsync($"Opgavefejl {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead));
        var client = await site.ClientFor(DemoUsers.DepartmentHead);

        var response = await client.SubmitAsync($"/Milestones/TaskEdit?milestoneId={id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.OwnerId"] = "no-such-user",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await response.ParseAsync()).ErrorMessages();
        Assert.Contains("Titel skal udfyldes.", errors);
        Assert.Contains("Den valgte bruger findes ikke eller er deaktiveret.", errors);
        await using var db = site.CreateDbContext();
        Assert.False(await db.MilestoneTasks.AnyAsync(t => t.MilestoneId == id));
    }

    private async Task<MilestoneTask> SingleTaskAsync(int milestoneId, string title)
    {
        await using var db = site.CreateDbContext();
        return await db.MilestoneTasks.AsNoTracking().SingleAsync(t => t.MilestoneId == milestoneId && t.Title == title);
    }

    private static AngleSharp.Dom.IElement TaskRow(IHtmlDocument details, int taskId) =>
        details.QuerySelectorAll("tr").Single(r => r.QuerySelector(ToggleForm(taskId)) is not null);

    private static string? FindHint(IHtmlDocument details) =>
        details.QuerySelectorAll("p.form-hint").Select(p => p.Text()).FirstOrDefault(t => t.StartsWith("Milepælens fremdrift", StringComparison.Ordinal));

    private static string? Definition(IHtmlDocument page, string term) =>
        page.QuerySelectorAll("dl.details-list dt").FirstOrDefault(dt => dt.Text() == term)?.NextElementSibling?.Text();
}
