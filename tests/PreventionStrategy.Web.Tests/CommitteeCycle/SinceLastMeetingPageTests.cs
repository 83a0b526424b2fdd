using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.CommitteeCycle;

/// <summary>"Siden sidste møde" through the real page, as a committee member, and the briefing's changes from the same comparison.</summary>
public sealed class SinceLastMeetingPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private sealed record Planted(int StrategyId, int CommitteeId, int Done, int AtRisk, int Moved, int Archived, int Budget);

    /// <summary>A strategy of its own, so the lists hold exactly what the test plants.</summary>
    private async Task<Planted> StrategyAsync()
    {
        await using var db = site.CreateDbContext();
        var committee = new Committee { Name = $"Cyklusudvalg {MilestoneTestData.Unique()}", Municipality = "Norddjurs Kommune" };
        var strategy = new Strategy { Name = $"Cyklusstrategi {MilestoneTestData.Unique()}", Municipality = "Norddjurs Kommune", Division = "Børn", Committee = committee };
        var area = new FocusArea { Title = "Netværk", SortOrder = 1 };
        strategy.FocusAreas.Add(area);
        Milestone Make(string title) => new() { Title = title, Timing = PlannedTiming.InQuarter(2027, 2), Status = MilestoneStatus.InProgress, FocusAreas = [area] };
        var done = Make("Temadag afholdes");
        var atRisk = Make("Ny tilbudsvifte");
        var moved = Make("Indsatskatalog");
        var archived = Make("Kompetencekortlægning");
        var unchanged = Make("Uændret milepæl");
        strategy.Milestones.AddRange([done, atRisk, moved, archived, unchanged]);
        var budget = new BudgetInitiative { Title = "Task force", BudgetSketch = "Budget 2027", DecisionState = BudgetDecisionState.Proposed };
        strategy.BudgetInitiatives.Add(budget);
        db.Strategies.Add(strategy);
        await db.SaveChangesAsync();
        return new Planted(strategy.Id, committee.Id, done.Id, atRisk.Id, moved.Id, archived.Id, budget.Id);
    }

    private async Task PlantChangesAsync(Planted p)
    {
        await using var db = site.CreateDbContext();
        var milestones = await db.Milestones.IgnoreQueryFilters().Where(m => m.StrategyId == p.StrategyId).ToDictionaryAsync(m => m.Id);
        milestones[p.Done].Status = MilestoneStatus.Done;
        milestones[p.AtRisk].Status = MilestoneStatus.AtRisk;
        milestones[p.AtRisk].StatusUpdates.Add(new MilestoneStatusUpdate { UpdatedByName = "Lars Leder", UpdatedAtUtc = DateTime.UtcNow, OldStatus = MilestoneStatus.InProgress, NewStatus = MilestoneStatus.AtRisk, Reason = "Mangler lokaler." });
        milestones[p.Moved].Timing = PlannedTiming.InQuarter(2027, 4);
        milestones[p.Archived].IsArchived = true;
        db.Milestones.Add(new Milestone { StrategyId = p.StrategyId, Title = "Mentorfamilier", Timing = PlannedTiming.InQuarter(2028, 1) });
        (await db.BudgetInitiatives.SingleAsync(b => b.Id == p.Budget)).DecisionState = BudgetDecisionState.Approved;
        await db.SaveChangesAsync();
    }

    private static List<(string Kind, string Title)> Listed(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("section.since-group").SelectMany(s => s.QuerySelectorAll("tbody tr").Select(r => (s.GetAttribute("data-kind")!, r.QuerySelector("td")!.Text()))).ToList();

    [Fact]
    public async Task A_committee_member_sees_what_changed_since_the_last_meeting_and_can_compare_any_two_snapshots()
    {
        var p = await StrategyAsync();
        var today = MilestoneTestData.DanishToday;
        var first = await site.MeetingAsync(p.CommitteeId, today.AddDays(5));
        Assert.NotNull(await site.IssueAsync(p.StrategyId, first));
        await PlantChangesAsync(p);
        var member = await site.ClientFor(DemoUsers.Committee);

        var page = await member.GetDocumentAsync($"/CommitteeCycle/SinceLastMeeting/{p.StrategyId}");

        Assert.Equal(
            [
                ("Completed", "Temadag afholdes"),
                ("NewlyAtRisk", "Ny tilbudsvifte"),
                ("Moved", "Indsatskatalog"),
                ("Added", "Mentorfamilier"),
                ("Archived", "Kompetencekortlægning"),
                ("BudgetDecisionChanged", "Task force"),
            ],
            Listed(page));
        var risk = page.QuerySelector("section[data-kind=NewlyAtRisk] tbody tr")!;
        Assert.Contains("Mangler lokaler.", risk.Text());
        Assert.Contains("I gang → I risiko", risk.Text());
        Assert.Contains("2. kvartal 2027 → 4. kvartal 2027", page.QuerySelector("section[data-kind=Moved] tbody tr")!.Text());

        // A second meeting's snapshot; then the two snapshots side by side show the same changes, and the later one against now shows none.
        var second = await site.MeetingAsync(p.CommitteeId, today.AddDays(35));
        Assert.NotNull(await site.IssueAsync(p.StrategyId, second));
        await using var db = site.CreateDbContext();
        var ids = await db.StrategySnapshots.Where(s => s.StrategyId == p.StrategyId).OrderBy(s => s.MeetingDate).Select(s => s.Id).ToListAsync();
        var chosen = await member.GetDocumentAsync($"/CommitteeCycle/SinceLastMeeting/{p.StrategyId}?From={ids[0]}&To={ids[1]}");
        Assert.Equal(Listed(page), Listed(chosen));
        Assert.Equal(ids[1].ToString(), chosen.SelectedValue("#To"));
        var sinceLatest = await member.GetDocumentAsync($"/CommitteeCycle/SinceLastMeeting/{p.StrategyId}");
        Assert.Empty(Listed(sinceLatest));
        Assert.Contains("Ingen ændringer.", sinceLatest.QuerySelector("main")!.Text());

        // A snapshot of another strategy is not offered and is said to be unknown, in Danish.
        var unknown = await member.GetAsync($"/CommitteeCycle/SinceLastMeeting/{p.StrategyId}?From=999999");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(["Det valgte øjebliksbillede findes ikke for denne strategi."], (await unknown.ParseAsync()).Errors());
    }

    [Fact]
    public async Task The_briefings_changes_come_from_the_previous_meetings_snapshot_when_there_is_one()
    {
        var p = await StrategyAsync();
        var today = MilestoneTestData.DanishToday;
        var first = await site.MeetingAsync(p.CommitteeId, today.AddDays(6));
        var next = await site.MeetingAsync(p.CommitteeId, today.AddDays(36));

        // No snapshot yet: the history-based list (no status updates recorded, so nothing).
        Assert.Empty((await site.BriefingModelAsync(p.StrategyId, next)).Changes.Items);

        Assert.NotNull(await site.IssueAsync(p.StrategyId, first));
        await PlantChangesAsync(p);

        var changes = (await site.BriefingModelAsync(p.StrategyId, next)).Changes;
        Assert.StartsWith("Ændringer siden det, udvalget så til mødet", changes.SinceText, StringComparison.Ordinal);
        Assert.Equal(
            [
                (BriefingChangeKind.Completed, "Temadag afholdes", "I gang → Gennemført"),
                (BriefingChangeKind.NewRisk, "Ny tilbudsvifte", "I gang → I risiko"),
                (BriefingChangeKind.Moved, "Indsatskatalog", "Planlagt 2. kvartal 2027 → 4. kvartal 2027"),
                (BriefingChangeKind.Added, "Mentorfamilier", "Ny i planen, planlagt 1. kvartal 2028"),
                (BriefingChangeKind.Archived, "Kompetencekortlægning", "Taget ud af planen (arkiveret)"),
                (BriefingChangeKind.BudgetDecisionChanged, "Task force", "Foreslået → Godkendt"),
            ],
            changes.Items.Select(c => (c.Kind, c.MilestoneTitle, c.ChangeText)));
        Assert.Equal("Mangler lokaler.", changes.Items[1].Comment);
        Assert.Equal(["Gennemført", "Ny risiko", "Flyttet", "Ny milepæl", "Arkiveret", "Budgetbeslutning"], changes.Items.Select(c => c.KindText));

        // The issued PDF says the same, read back as text.
        var issued = await site.IssueAsync(p.StrategyId, next);
        using var pdf = new Briefings.PdfReadBack(issued!.Content);
        foreach (var expected in new[] { "Ny milepæl: Ny i planen, planlagt 1. kvartal 2028", "Flyttet: Planlagt 2. kvartal 2027 → 4. kvartal 2027", "Budgetbeslutning: Foreslået → Godkendt", "Mangler lokaler." })
        {
            Assert.Contains(Briefings.PdfReadBack.Squash(expected), pdf.Compact);
        }

        if (Environment.GetEnvironmentVariable("WT13A_DUMP") is { } dump)
        {
            await File.WriteAllBytesAsync(dump, issued.Content);
        }
    }
}
