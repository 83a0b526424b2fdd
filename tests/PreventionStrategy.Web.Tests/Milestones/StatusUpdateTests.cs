using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>The full status-update form: what it saves, what it refuses, and the history it leaves.</summary>
public sealed class StatusUpdateTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static string UpdateUrl(int id) => $"/Milestones/UpdateStatus/{id}";

    private async Task<int> LedersMilestoneAsync(string title) =>
        await site.CreateMilestoneAsync($"{title} {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead));

    [Fact]
    public async Task Owner_updates_status_on_the_full_form_and_the_update_is_kept_in_the_history()
    {
        var id = await LedersMilestoneAsync("Fælles visitationsmodel");
        var before = await site.MilestoneAsync(id);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var startedUtc = DateTime.UtcNow;

        var response = await client.SubmitAsync(UpdateUrl(id), new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.ProgressPercent"] = "40",
            ["Input.ForecastDate"] = "2027-03-15",
            ["Input.Comment"] = "Arbejdsgruppen er nedsat og mødes hver anden uge.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Milestones/Details/{id}", response.Headers.Location!.OriginalString);

        // The database: one history row with who, old → new and the comment; the milestone changed with it.
        var after = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.InProgress, after.Status);
        Assert.Equal(40, after.ProgressPercent);
        Assert.Equal(new DateOnly(2027, 3, 15), after.ForecastDate);
        Assert.Null(after.CompletedOn);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.True(after.LastStatusUpdateAtUtc >= startedUtc.AddSeconds(-1));
        var update = Assert.Single(after.StatusUpdates);
        Assert.Equal("Lars Leder", update.UpdatedByName);
        Assert.Equal(await site.UserIdAsync(DemoUsers.DepartmentHead), update.UpdatedById);
        Assert.Equal(MilestoneStatus.Planned, update.OldStatus);
        Assert.Equal(MilestoneStatus.InProgress, update.NewStatus);
        Assert.Equal(0, update.OldProgressPercent);
        Assert.Equal(40, update.NewProgressPercent);
        Assert.Null(update.OldForecastDate);
        Assert.Equal(new DateOnly(2027, 3, 15), update.NewForecastDate);
        Assert.Equal("Arbejdsgruppen er nedsat og mødes hver anden uge.", update.Comment);
        Assert.InRange(update.UpdatedAtUtc, startedUtc.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));

        // The milestone page: the success message and the history row, the Danish way.
        var details = await client.GetDocumentAsync($"/Milestones/Details/{id}");
        Assert.Equal($"Status for \"{after.Title}\" er nu \"I gang\".", details.SuccessMessage());
        var historyTable = details.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Historik");
        var row = Assert.Single(historyTable.QuerySelectorAll("tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.Equal("Lars Leder", cells[1]);
        Assert.Equal(["Planlagt", "I gang"], row.QuerySelectorAll("td:nth-child(3) .status-badge").Select(b => b.Text()));
        Assert.Contains("→", cells[2]);
        Assert.Equal("0 % → 40 %", cells[3]);
        Assert.Equal("– → 15. marts 2027", cells[4]);
        Assert.Equal("Arbejdsgruppen er nedsat og mødes hver anden uge.", cells[5]);
    }

    [Theory]
    [InlineData(nameof(MilestoneStatus.AtRisk), "I risiko", "")]
    [InlineData(nameof(MilestoneStatus.Delayed), "Forsinket", "")]
    [InlineData(nameof(MilestoneStatus.Cancelled), "Aflyst", "   ")]
    public async Task An_explanation_is_required_for_at_risk_delayed_and_cancelled_and_nothing_is_saved_without_it(string status, string label, string comment)
    {
        var id = await LedersMilestoneAsync("Kommentar påkrævet");
        var before = await site.MilestoneAsync(id);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);

        var response = await client.SubmitAsync(UpdateUrl(id), new Dictionary<string, string>
        {
            ["Input.Status"] = status,
            ["Input.ProgressPercent"] = "25",
            ["Input.Comment"] = comment,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains($"Skriv årsagen, når status er \"{label}\".", page.ErrorMessages());

        // The choice stays on the form, so the user only has to add the explanation.
        Assert.Equal(status, page.SelectedValue("#Input_Status"));
        Assert.Equal("25", page.QuerySelector("#Input_ProgressPercent")!.GetAttribute("value"));

        var after = await site.MilestoneAsync(id);
        Assert.Empty(after.StatusUpdates);
        Assert.Equal(MilestoneStatus.Planned, after.Status);
        Assert.Equal(0, after.ProgressPercent);
        Assert.Equal(before.Version, after.Version);
    }

    [Theory]
    [InlineData(nameof(MilestoneStatus.Planned))]
    [InlineData(nameof(MilestoneStatus.InProgress))]
    public async Task Other_statuses_need_no_comment(string status)
    {
        var id = await site.CreateMilestoneAsync($"Uden kommentar {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead), status: MilestoneStatus.AtRisk);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);

        var response = await client.SubmitAsync(UpdateUrl(id), new Dictionary<string, string> { ["Input.Status"] = status, ["Input.Comment"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var update = Assert.Single((await site.MilestoneAsync(id)).StatusUpdates);
        Assert.Equal(Enum.Parse<MilestoneStatus>(status), update.NewStatus);
        Assert.Null(update.Comment);
    }

    [Fact]
    public async Task Done_sets_progress_to_100_and_records_today_and_reopening_clears_the_completion_date()
    {
        var id = await LedersMilestoneAsync("Gennemføres");
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var today = MilestoneTestData.DanishToday;

        var done = await client.SubmitAsync(UpdateUrl(id), new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.Done),
            ["Input.ProgressPercent"] = "30",
        });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var completed = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.Done, completed.Status);
        Assert.Equal(100, completed.ProgressPercent);
        Assert.Equal(today, completed.CompletedOn);
        Assert.Equal(100, Assert.Single(completed.StatusUpdates).NewProgressPercent);
        var details = await client.GetDocumentAsync($"/Milestones/Details/{id}");
        Assert.Equal(MilestoneTestData.Danish(today), Definition(details, "Gennemført den"));
        Assert.Equal("100 %", Definition(details, "Fremdrift (%)"));

        var reopened = await client.SubmitAsync(UpdateUrl(id), new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.ProgressPercent"] = "80",
        });

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var open = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.InProgress, open.Status);
        Assert.Equal(80, open.ProgressPercent);
        Assert.Null(open.CompletedOn);
        Assert.Equal(2, open.StatusUpdates.Count);
        details = await client.GetDocumentAsync($"/Milestones/Details/{id}");
        Assert.Null(Definition(details, "Gennemført den"));
        Assert.Equal("80 %", Definition(details, "Fremdrift (%)"));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_updates_is_refused_shows_the_other_change_and_keeps_its_input()
    {
        var id = await LedersMilestoneAsync("Samtidig opdatering");
        var first = await site.SignedInClientAsync(DemoUsers.DepartmentHead);
        var second = await site.SignedInClientAsync(DemoUsers.DepartmentHead);

        // Both open the form before either saves.
        var secondForm = await second.GetDocumentAsync(UpdateUrl(id));
        var firstSave = await first.SubmitAsync(UpdateUrl(id), new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.AtRisk),
            ["Input.ProgressPercent"] = "20",
            ["Input.Comment"] = "Leverandøren har meldt forsinkelse.",
            ["Input.Reason"] = "Leverandøren har meldt forsinkelse.",
            ["Input.ConsequenceForPlan"] = "Fokusområde 2 starter senere.",
            ["Input.ConsequenceForFamilies"] = "Familierne venter længere på tilbuddet.",
            ["Input.NextStep"] = "Ny leverandør indhentes.",
            ["Input.NextStepDate"] = "2027-02-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        var afterFirst = await site.MilestoneAsync(id);

        var secondSave = await second.SubmitFormAsync(secondForm, UpdateUrl(id), new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.Done),
            ["Input.ProgressPercent"] = "90",
            ["Input.Comment"] = "Alt er på plads, vi lukker den.",
        });

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = await secondSave.ParseAsync();
        var errors = string.Join(" ", page.ErrorMessages());
        Assert.Contains("En anden har gemt ændringer, mens du redigerede.", errors);
        Assert.Contains("Status: I risiko", errors);

        // The second person's input is still on the form ...
        Assert.Equal(nameof(MilestoneStatus.Done), page.SelectedValue("#Input_Status"));
        Assert.Equal("90", page.QuerySelector("#Input_ProgressPercent")!.GetAttribute("value"));
        Assert.Equal("Alt er på plads, vi lukker den.", page.QuerySelector("#Input_Comment")!.TextContent.Trim());

        // ... the page shows what the other person saved: the stored status and their comment ...
        Assert.Equal("I risiko", page.QuerySelector("main > p .status-badge")!.Text());
        Assert.Contains("Leverandøren har meldt forsinkelse.", page.QuerySelector("main table")!.TextContent);

        // ... and nothing of the second save reached the database.
        var stored = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.AtRisk, stored.Status);
        Assert.Equal(20, stored.ProgressPercent);
        Assert.Null(stored.CompletedOn);
        Assert.Equal(afterFirst.Version, stored.Version);
        Assert.Equal("Leverandøren har meldt forsinkelse.", Assert.Single(stored.StatusUpdates).Comment);

        // Having seen the other change, saving the form again is a deliberate overwrite and goes through.
        var again = await second.SubmitFormAsync(page, UpdateUrl(id), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var overwritten = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.Done, overwritten.Status);
        var last = overwritten.StatusUpdates.OrderBy(u => u.Id).Last();
        Assert.Equal(MilestoneStatus.AtRisk, last.OldStatus);
        Assert.Equal(MilestoneStatus.Done, last.NewStatus);
        Assert.Equal("Alt er på plads, vi lukker den.", last.Comment);
    }

    [Fact]
    public async Task Bad_progress_is_refused_with_a_Danish_message_and_saves_nothing()
    {
        var id = await LedersMilestoneAsync("Forkert fremdrift");
        var client = await site.ClientFor(DemoUsers.DepartmentHead);

        var response = await client.SubmitAsync(UpdateUrl(id), new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.ProgressPercent"] = "101",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fremdrift (%) skal være mellem 0 og 100.", (await response.ParseAsync()).ErrorMessages());
        var after = await site.MilestoneAsync(id);
        Assert.Empty(after.StatusUpdates);
        Assert.Equal(MilestoneStatus.Planned, after.Status);
    }

    [Fact]
    public async Task An_unknown_milestone_gives_404()
    {
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(UpdateUrl(987654))).StatusCode);
        var token = await client.AntiforgeryTokenAsync();
        var response = await client.PostWithTokenAsync(UpdateUrl(987654), token, new Dictionary<string, string> { ["Input.Status"] = nameof(MilestoneStatus.Done) });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = site.CreateDbContext();
        Assert.False(await db.MilestoneStatusUpdates.AnyAsync(u => u.MilestoneId == 987654));
    }

    /// <summary>The value after a term in the milestone page's details list, or null when the term is not there.</summary>
    private static string? Definition(AngleSharp.Html.Dom.IHtmlDocument page, string term) =>
        page.QuerySelectorAll("dl.details-list dt").FirstOrDefault(dt => dt.Text() == term)?.NextElementSibling?.Text();
}
