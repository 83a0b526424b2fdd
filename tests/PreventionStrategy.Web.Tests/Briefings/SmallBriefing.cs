using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Timeline;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>A three-area briefing built in memory with a status per area, a decision asked for, one answered and five changes.</summary>
public static class SmallBriefing
{
    public const string Question = "Godkende 250.000 kr. til en ekstra sagsbehandler i familieplejen";
    public const string AnsweredQuestion = "Flytte temadagen til 2. kvartal";

    public static BriefingModel Create()
    {
        var areas = new[] { (1, "Flere netværksanbringelser"), (2, "Opkvalificering af familieplejeanbringelser"), (3, "Færre anbringelser på Børne- og Ungehjem") };
        BriefingMilestone Milestone(int id, string title, MilestoneStatus status, BriefingState state) =>
            new(id, title, "1. kvartal 2025", status, status.ToString(), 40, "40 %", string.Empty, "Kommentar", "Lars Leder", state);
        var milestones = new[]
        {
            (Area: 1, Milestone(1, "Afdækningsdag med ledelsen", MilestoneStatus.Done, BriefingState.Done), Start: new DateOnly(2024, 10, 11), End: new DateOnly(2024, 10, 11)),
            (Area: 2, Milestone(2, "Rekruttering af plejefamilier", MilestoneStatus.AtRisk, BriefingState.AtRisk), Start: new DateOnly(2025, 1, 1), End: new DateOnly(2025, 3, 31)),
            (Area: 3, Milestone(3, "Ny tilbudsvifte", MilestoneStatus.Delayed, BriefingState.Delayed), Start: new DateOnly(2025, 1, 1), End: new DateOnly(2025, 6, 30)),
        };
        var statuses = new[]
        {
            new BriefingFocusAreaStatus(FocusAreaStatus.OnTrack, "På sporet", "✓", false, "Efter reglen: Fokusområdets milepæl følger planen."),
            new BriefingFocusAreaStatus(FocusAreaStatus.NeedsAttention, "Kræver opmærksomhed", "!", false, "Efter reglen: 1 af 1 milepæl er i risiko."),
            new BriefingFocusAreaStatus(FocusAreaStatus.OffTrack, "Ude af kurs", "×", true, "Sat af Anne Admin 3. marts 2025 (efter reglen: Ude af kurs): Tilbudsviften venter på budgettet."),
        };
        BriefingChange Change(BriefingChangeKind kind, string title, int day) =>
            new(kind, kind.ToString(), title, false, new DateTime(2025, 3, day, 10, 0, 0), $"{day}. marts 2025 kl. 10.00", $"Ændring {title}", "Lars Leder", null);
        var changes = new[]
        {
            Change(BriefingChangeKind.StatusChanged, "Statusskift uden betydning", 9),
            Change(BriefingChangeKind.Completed, "Afdækningsdag med ledelsen", 2),
            Change(BriefingChangeKind.NewRisk, "Rekruttering af plejefamilier", 3),
            Change(BriefingChangeKind.Delayed, "Ny tilbudsvifte", 4),
            Change(BriefingChangeKind.StatusChanged, "Ny tilbudsvifte", 8),
        };
        var timeline = TimelineLayout.Create(
            areas.Select(a => new TimelineLaneDefinition(a.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{a.Item1}. {a.Item2}")),
            milestones.Select(m => new TimelineMilestone(m.Item2.Id, m.Item2.Title, [m.Area.ToString(System.Globalization.CultureInfo.InvariantCulture)], m.Start, m.End, m.Start == m.End ? TimingPrecision.Day : TimingPrecision.Quarter, m.Item2.Status)),
            new DateOnly(2024, 10, 1),
            new DateOnly(2025, 6, 30),
            "Uden fokusområde");
        return new BriefingModel(
            new BriefingHeader("Børne- og Ungdomsudvalget", new DateOnly(2025, 3, 13), "13. marts 2025", "Forebyggende strategi for anbringelsesområdet", "Norddjurs Kommune", "Børne- og Familieområdet", new DateTime(2025, 3, 8, 9, 30, 0), "8. marts 2025 kl. 09.30"),
            new BriefingSummary(OverallState.Delayed, "Forsinket", "1 af 3 milepæle er forsinket, og 1 er i risiko.", [new BriefingStatusCount(BriefingState.Delayed, "Forsinket", 1), new BriefingStatusCount(BriefingState.AtRisk, "I risiko", 1), new BriefingStatusCount(BriefingState.Done, "Gennemført", 1)], 3, "Forvaltningen anbefaler, at udvalget godkender den ekstra sagsbehandler."),
            areas.Select((a, i) => new BriefingFocusArea(a.Item1, a.Item2, milestones.Where(m => m.Area == a.Item1).Select(m => m.Item2).ToList(), null, statuses[i])).ToList(),
            new BriefingChanges(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), "Statusændringer registreret siden 1. januar 2025.", changes),
            new BriefingComingUp(new DateOnly(2025, 3, 8), new DateOnly(2025, 6, 12), "Frem til næste udvalgsmøde 12. juni 2025", []),
            [],
            [],
            new BriefingBudget([], [], []),
            new BriefingTimeline(timeline, timeline.QuarterStarts().Select(q => (q, $"K{((q.Month - 1) / 3) + 1} {q.Year}")).ToList(), new DateOnly(2025, 3, 8), new Dictionary<int, DateOnly> { [3] = new DateOnly(2025, 9, 30) }, new HashSet<int>()))
        {
            Decisions =
            [
                new BriefingDecision(2, "Rekruttering af plejefamilier", "Lars Leder", Question, "13. marts 2025"),
                new BriefingDecision(3, "Ny tilbudsvifte", "Mette Medarbejder", AnsweredQuestion, "12. december 2024", "Godkendt", "Enstemmigt"),
            ],
        };
    }
}
