using System.Net;
using System.Text;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>
/// What an outside check found misleading in the committee briefing (issue 18), each planted in a
/// strategy of its own and read back from the PDF as a committee member reads it.
/// </summary>
public sealed class TruthfulBriefingTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static DateOnly Today => PlantedPlan.Today;

    [Fact]
    public async Task Coming_up_lists_only_milestones_expected_inside_the_window()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        var meeting = await plan.MeetingAsync(Today.AddDays(5));
        await plan.MeetingAsync(Today.AddDays(40));
        await plan.MilestoneAsync("Inde dag", PlannedTiming.OnDay(Today.AddDays(20)));
        await plan.MilestoneAsync("Inde prognose", PlannedTiming.OnDay(Today.AddDays(200)), MilestoneStatus.InProgress, forecast: Today.AddDays(30));
        await plan.MilestoneAsync("Ude prognose", PlannedTiming.OnDay(Today.AddDays(25)), MilestoneStatus.InProgress, forecast: Today.AddDays(90));
        var start = Today.AddDays(10);
        await plan.MilestoneAsync("Ude halvår", PlannedTiming.InHalfYear(start.Year, start.Month <= 6 ? 1 : 2) is var half && half.End > Today.AddDays(40) ? half : PlannedTiming.InYear(start.Year + 1));

        var model = await plan.BuildAsync(meeting);
        using var pdf = new PdfReadBack(PlantedPlan.Keep(BriefingPdf.Generate(model), "window"));

        Assert.Equal(["Inde dag", "Inde prognose"], model.ComingUp.Items.Select(m => m.Title));
        var section = Section(pdf, "Kommendemilepæle", "Overtidogirisiko");
        Assert.Contains("Indedag", section);
        Assert.Contains("Indeprognose", section);
        Assert.DoesNotContain("Udeprognose", section);
        Assert.DoesNotContain("Udehalvår", section);
    }

    [Fact]
    public async Task The_budget_total_counts_decided_and_proposed_initiatives_and_shows_rejected_and_postponed_apart()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        await plan.BudgetAsync("Godkendt indsats", BudgetDecisionState.Approved, 2026, 100_000);
        await plan.BudgetAsync("Foreslået indsats", BudgetDecisionState.Proposed, 2026, 20_000);
        await plan.BudgetAsync("Afvist indsats", BudgetDecisionState.Rejected, 2026, 1_000_000);
        await plan.BudgetAsync("Udskudt indsats", BudgetDecisionState.Postponed, 2026, 3_000_000);

        using var pdf = new PdfReadBack(PlantedPlan.Keep(BriefingPdf.Generate(await plan.BuildAsync()), "budget"));

        var budget = Section(pdf, "Budgetinitiativer", null);
        Assert.Contains("Ialt120.000kr.", budget);
        Assert.DoesNotContain("4.120.000", budget);
        Assert.Contains("Afvistogudskudt(ikkemediIalt)4.000.000kr.", budget);
    }

    [Fact]
    public async Task Status_words_are_never_split_across_lines()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        foreach (var status in Enum.GetValues<MilestoneStatus>())
        {
            await plan.MilestoneAsync($"Milepæl {status}", PlannedTiming.OnDay(Today.AddDays(-10)), status, comment: "Status meldt");
        }

        using var pdf = new PdfReadBack(PlantedPlan.Keep(BriefingPdf.Generate(await plan.BuildAsync()), "status-words"));

        var words = pdf.Pages.SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("Gennemført", words);
        Assert.Contains("Forsinket", words);
        Assert.Contains("Planlagt", words);
        var statusWords = new[] { "Gennemført", "Forsinket", "Planlagt", "risiko", "Aflyst" };
        var broken = words.Where(w => statusWords.Any(s => s != w && w.Length >= 3 && (s.StartsWith(w, StringComparison.Ordinal) || s.EndsWith(w, StringComparison.Ordinal)))).ToList();
        Assert.Empty(broken);
    }

    [Fact]
    public async Task The_status_chart_counts_overdue_milestones_by_the_same_rule_as_the_headline()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        for (var i = 0; i < 3; i++)
        {
            await plan.MilestoneAsync($"Over tid {i}", PlannedTiming.OnDay(Today.AddDays(-30 - i)));
        }

        await plan.MilestoneAsync("Fremtidig", PlannedTiming.OnDay(Today.AddDays(60)));
        await plan.MilestoneAsync("Meldt forsinket", PlannedTiming.OnDay(Today.AddDays(90)), MilestoneStatus.Delayed, comment: "Forsinket af manglende lokaler");

        var model = await plan.BuildAsync();
        using var pdf = new PdfReadBack(PlantedPlan.Keep(BriefingPdf.Generate(model), "overdue-chart"));

        Assert.Equal(OverallState.Delayed, model.Summary.OverallState);
        Assert.Equal(model.Summary.MilestoneCount, model.Summary.StatusCounts.Sum(c => c.Count));
        Assert.Equal(3, Assert.Single(model.Summary.StatusCounts, c => c.StatusText == "Over tid").Count);
        Assert.Equal(1, Assert.Single(model.Summary.StatusCounts, c => c.StatusText == "Forsinket").Count);
        Assert.Equal(1, Assert.Single(model.Summary.StatusCounts, c => c.StatusText == "Planlagt").Count);
        Assert.Equal("3 af 5 milepæle er over tid, og 1 er forsinket.", model.Summary.OverallExplanation);
        Assert.Contains("Overtid", Section(pdf, "Sammenfatning", "Tidslinje"));
        Assert.DoesNotContain("Forsinket:Forsinket", pdf.Compact);
        Assert.Contains("Forsinketafmanglendelokaler", pdf.Compact);
    }

    [Fact]
    public async Task A_milestone_in_several_focus_areas_gets_one_row_and_a_mention_in_the_others()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        await plan.MilestoneAsync("Fælles milepæl", PlannedTiming.InYear(Today.Year + 3), areaIndexes: [0, 1, 2]);
        await plan.MilestoneAsync("Egen milepæl", PlannedTiming.InYear(Today.Year + 3), areaIndexes: [1]);

        var model = await plan.BuildAsync();
        using var pdf = new PdfReadBack(PlantedPlan.Keep(BriefingPdf.Generate(model), "shared"));

        Assert.Equal([1, 0, 0], model.FocusAreas.Select(f => f.Milestones.Count(m => m.Title == "Fælles milepæl")));
        Assert.Equal([0, 1, 0], model.FocusAreas.Select(f => f.Milestones.Count(m => m.Title == "Egen milepæl")));
        var focus = Section(pdf, "Milepælepr.fokusområde", "Ændringersidensidsteorientering");
        Assert.Contains("Ogsåifokusområde2og3", focus);
        Assert.Equal(2, Count(focus, "under1.Område1:Fællesmilepæl."));
    }

    [Fact]
    public async Task The_timeline_keeps_cancelled_milestones_and_shows_today_and_forecasts()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        var cancelled = await plan.MilestoneAsync("Aflyst temadag", PlannedTiming.OnDay(Today.AddDays(-100)), MilestoneStatus.Cancelled);
        var late = await plan.MilestoneAsync("Sen levering", PlannedTiming.OnDay(Today.AddDays(-400)), MilestoneStatus.Delayed, forecast: Today.AddDays(300));

        var model = await plan.BuildAsync();
        using var pdf = new PdfReadBack(PlantedPlan.Keep(BriefingPdf.Generate(model), "timeline"));

        var items = model.Timeline.Layout.Lanes.SelectMany(l => l.Items).ToList();
        Assert.Contains(items, i => i.MilestoneId == cancelled.Id && i.Status == MilestoneStatus.Cancelled);
        Assert.Equal(Today, model.Timeline.Today);
        Assert.Equal(Today.AddDays(300), model.Timeline.Forecasts[late.Id]);
        Assert.True(model.Timeline.Layout.To >= Today.AddDays(300), $"the chart ends {model.Timeline.Layout.To}, before the forecast");
        Assert.Contains("Idag", Section(pdf, "Tidslinje", "Milepælepr.fokusområde"));
    }

    [Fact]
    public async Task A_draft_download_says_udkast_on_every_page_and_an_issued_briefing_does_not()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        await plan.MilestoneAsync("Milepæl", PlannedTiming.OnDay(Today.AddDays(10)));
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var url = $"/Briefings/Create?strategyId={plan.Strategy.Id}";

        var response = await admin.SubmitFormAsync(await admin.GetDocumentAsync(url), url + "&handler=Download", new Dictionary<string, string> { ["Input.MeetingId"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var draft = new PdfReadBack(PlantedPlan.Keep(await response.Content.ReadAsByteArrayAsync(), "draft"));
        Assert.All(draft.Pages, page => Assert.Contains("UDKAST", page.Text));
        using var issued = new PdfReadBack(BriefingPdf.Generate(await plan.BuildAsync()));
        Assert.DoesNotContain("UDKAST", issued.Compact);
    }

    [Fact]
    public async Task Arabic_comes_out_joined_hebrew_as_written_and_an_emoji_as_a_visible_marker()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        await plan.MilestoneAsync("Familiemøde 😀 i Grenaa", PlannedTiming.OnDay(Today.AddDays(-3)), MilestoneStatus.AtRisk, comment: "Tolk: مرحبا بالعالم og שלום עולם");

        using var pdf = new PdfReadBack(PlantedPlan.Keep(BriefingPdf.Generate(await plan.BuildAsync()), "scripts"));

        Assert.Contains("Familiemøde[emoji]iGrenaa", pdf.Compact);

        // Arabic is shaped: its glyphs are the joined forms, which the PDF maps to Unicode's presentation forms
        // (initial meem U+FEE3, final meem U+FEE2); NFKC, as search engines apply it, gives back the letters written.
        Assert.Contains("Tolk:مرحبابالعالمogשלוםעולם", pdf.Compact.Normalize(NormalizationForm.FormKC));
        var letters = pdf.Pages.SelectMany(p => p.Letters).ToList();
        Assert.Contains(letters, l => l.Value == "\uFEE3" && (l.FontName ?? string.Empty).Contains("Arabic", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Value == "\uFEE2" && (l.FontName ?? string.Empty).Contains("Arabic", StringComparison.Ordinal));
        Assert.DoesNotContain(letters, l => l.Value == "م");
        Assert.Contains(letters, l => l.Value == "ש" && (l.FontName ?? string.Empty).Contains("Hebrew", StringComparison.Ordinal));
        Assert.DoesNotContain(letters, l => l.Value == "😀");

        // Right to left: the first letter written stands right of the last.
        var shalom = pdf.Pages.SelectMany(p => p.Letters).Where(l => l.Value is "ש" or "ם").ToList();
        Assert.True(shalom.First(l => l.Value == "ש").StartBaseLine.X > shalom.First(l => l.Value == "ם").StartBaseLine.X);
    }

    private static string Section(PdfReadBack pdf, string from, string? to)
    {
        var text = pdf.Compact;
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {from}");
        var end = to is null ? text.Length : text.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
