using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

public sealed class MilestoneEditTests(DemoSite site) : IClassFixture<DemoSite>
{
    private string CreateUrl => $"/Milestones/Edit?strategyId={site.Ids.Strategy}";

    private Dictionary<string, string> ValidQuarter(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = nameof(MilestoneKind.Deliverable),
        ["Input.Timing.Precision"] = nameof(TimingPrecision.Quarter),
        ["Input.Timing.Year"] = "2026",
        ["Input.Timing.Period"] = "3",
        ["Input.Status"] = nameof(MilestoneStatus.Planned),
        ["Input.ProgressPercent"] = "0",
    };

    [Fact]
    public async Task Administrator_creates_a_quarter_milestone_shown_the_Danish_way()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var values = ValidQuarter("Evaluering af tilbudsviften");
        values["Input.FocusAreaIds"] = site.Ids.FocusArea.ToString();

        var response = await client.SubmitAsync(CreateUrl, values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Evaluering af tilbudsviften", details.QuerySelector("h1")!.TextContent);
        Assert.Contains("3. kvartal 2026", details.Body!.TextContent);
        await using var db = site.CreateDbContext();
        var saved = await db.Milestones.Include(m => m.FocusAreas).SingleAsync(m => m.Title == "Evaluering af tilbudsviften");
        Assert.Equal(new DateOnly(2026, 7, 1), saved.Timing.Start);
        Assert.Equal(new DateOnly(2026, 9, 30), saved.Timing.End);
        Assert.Equal(site.Ids.FocusArea, Assert.Single(saved.FocusAreas).Id);
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        // field, value, extra field=value (or empty), expected Danish message
        { "Input.Title", "", "", "Titel skal udfyldes." },
        { "Input.Title", new string('x', 201), "", "Titel må højst være 200 tegn." },
        { "Input.Timing.Period", "5", "", "Kvartalet skal være et tal fra 1 til 4." },
        { "Input.Timing.Period", "0", "", "Kvartalet skal være et tal fra 1 til 4." },
        { "Input.Timing.Year", "1999", "", "Året skal ligge mellem 2000 og 2100." },
        { "Input.Timing.Year", "to tusind", "", "Værdien \"to tusind\" er ikke gyldig for År." },
        { "Input.ProgressPercent", "101", "", "Fremdrift (%) skal være mellem 0 og 100." },
        { "Input.FocusAreaIds", "999999", "", "Et valgt fokusområde findes ikke i strategien." },
        { "Input.OwnerId", "no-such-user", "", "Den ansvarlige skal være en afdelingsleder eller administrator." },
        { "Input.Timing.Precision", nameof(TimingPrecision.Day), "Input.Timing.Date=2026-05-01;Input.Timing.StartTime=14:00;Input.Timing.EndTime=09:00", "Sluttidspunktet skal ligge efter starttidspunktet." },
        { "Input.Timing.Precision", nameof(TimingPrecision.Day), "", "Angiv en dato, når præcisionen er en dato." },
        { "Input.Timing.Precision", nameof(TimingPrecision.Day), "Input.Timing.Date=31-02-2026", "Værdien \"31-02-2026\" er ikke gyldig for Dato." },
        { "Input.ReminderDaysBefore", "to uger", "", "Skriv op til 6 hele antal dage mellem 0 og 365, adskilt af komma, fx 14, 3, 1." },
        { "Input.ReminderDaysBefore", "400", "", "Skriv op til 6 hele antal dage mellem 0 og 365, adskilt af komma, fx 14, 3, 1." },
        { "Input.RemindersEnabled", "måske", "", "Værdien \"måske\" er ikke gyldig for Påmindelser før begivenheden." },
    };

    [Fact]
    public async Task A_milestone_in_no_focus_area_says_so_instead_of_leaving_the_field_empty()
    {
        int id;
        await using (var db = site.CreateDbContext())
        {
            var milestone = new Milestone { StrategyId = site.Ids.Strategy, Title = $"Uden fokus {MilestoneTestData.Unique()}", Timing = PlannedTiming.InYear(2025) };
            db.Milestones.Add(milestone);
            await db.SaveChangesAsync();
            id = milestone.Id;
        }

        var page = await (await site.ClientFor(DemoUsers.Staff)).GetDocumentAsync($"/Milestones/Details/{id}");
        var label = page.QuerySelectorAll("dl.details-list dt").Single(dt => dt.TextContent.Trim() == "Fokusområder");
        Assert.Equal("(ingen)", label.NextElementSibling!.TextContent.Trim());
    }

    [Fact]
    public async Task Reminder_settings_are_saved_in_a_tidy_form_and_shown_again()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var values = ValidQuarter($"Temadag med påmindelser {Guid.NewGuid():N}");
        values["Input.RemindersEnabled"] = "true";
        values["Input.ReminderDaysBefore"] = "1;7 , 21";

        var response = await client.SubmitAsync(CreateUrl, values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = site.CreateDbContext();
        var saved = await db.Milestones.SingleAsync(m => m.Title == values["Input.Title"]);
        Assert.True(saved.RemindersEnabled);
        Assert.Equal("21, 7, 1", saved.ReminderDaysBefore);
        var form = await client.GetDocumentAsync($"/Milestones/Edit/{saved.Id}");
        Assert.Equal("true", form.QuerySelector("#Input_RemindersEnabled option[selected]")!.GetAttribute("value"));
        Assert.Equal("21, 7, 1", form.QuerySelector("#Input_ReminderDaysBefore")!.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Milestone_form_rejects_bad_input_with_a_Danish_message_and_saves_nothing(string field, string value, string extra, string message)
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var values = ValidQuarter("Skal ikke gemmes");
        values[field] = value;
        foreach (var pair in extra.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            values[parts[0]] = parts[1];
        }

        await using var db = site.CreateDbContext();
        var before = await db.Milestones.CountAsync();

        var response = await client.SubmitAsync(CreateUrl, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(message, page.ErrorMessages());
        Assert.Equal(before, await db.Milestones.CountAsync());

        // What the user typed is still on the form.
        if (field == "Input.Title" && value.Length > 0)
        {
            Assert.Equal(value, page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_keeps_its_input()
    {
        var first = await site.SignedInClientAsync(DemoUsers.Administrator);
        var second = await site.SignedInClientAsync(DemoUsers.Administrator);
        await using var db = site.CreateDbContext();
        var milestone = await db.Milestones.AsNoTracking().OrderBy(m => m.Id).Skip(1).FirstAsync();
        var url = $"/Milestones/Edit/{milestone.Id}";

        // Both open the form before either saves.
        var secondForm = await second.GetDocumentAsync(url);
        var firstSave = await first.SubmitAsync(url, new Dictionary<string, string> { ["Input.Location"] = "Rådhuset, Grenaa" });
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        var staleVersion = secondForm.QuerySelector("#Input_Version")!.GetAttribute("value")!;
        var secondSave = await second.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Version"] = staleVersion,
            ["Input.Title"] = "Min titel, som ikke må gå tabt",
            ["Input.Location"] = "Kulturhuset",
        });

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = await secondSave.ParseAsync();
        var errors = string.Join(" ", page.ErrorMessages());
        Assert.Contains("En anden har gemt ændringer, mens du redigerede.", errors);
        Assert.Contains("Rådhuset, Grenaa", errors);
        Assert.Equal("Min titel, som ikke må gå tabt", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        var current = await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == milestone.Id);
        Assert.Equal("Rådhuset, Grenaa", current.Location);
        Assert.Equal(milestone.Title, current.Title);
    }

    [Fact]
    public async Task An_unknown_milestone_id_gives_404_not_an_error_page()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Milestones/Edit/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Milestones/Details/987654")).StatusCode);
    }
}
