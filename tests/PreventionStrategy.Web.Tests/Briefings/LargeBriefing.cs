using System.Globalization;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Timeline;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>
/// A 300-milestone briefing built in memory. Every table row starts with a token "R{n}A" and ends
/// with "R{n}Z" (each used once in the document), so a test can tell whether a row was cut across pages.
/// </summary>
public static class LargeBriefing
{
    public const int MilestoneCount = 300;

    private static readonly string[] Words = "forankring tværfaglig indsats familiepleje netværk opfølgning børn unge forældre skole kommune ledelse afdækning kompetencer udvikling æbleø østergård århus".Split(' ');

    public static BriefingModel Create()
    {
        var row = 0;
        string Token(char end) => string.Create(CultureInfo.InvariantCulture, $"R{row}{end}");
        var statuses = Enum.GetValues<MilestoneStatus>();
        var areas = Enumerable.Range(1, 6).Select(a => (Number: a, Title: $"Fokusområde {a} – Ældre, Øvrige og Årlige opgaver")).ToList();
        var milestones = new List<(int Area, BriefingMilestone Milestone, TimelineMilestone Timeline)>();
        for (var i = 0; i < MilestoneCount; i++)
        {
            row++;
            var status = statuses[i % statuses.Length];
            var timing = (i % 4) switch
            {
                0 => PlannedTiming.OnDay(new DateOnly(2025, 1, 1).AddDays(i * 3)),
                1 => PlannedTiming.InMonth(2025 + (i % 3), (i % 12) + 1),
                2 => PlannedTiming.InQuarter(2025 + (i % 3), (i % 4) + 1),
                _ => PlannedTiming.InHalfYear(2025 + (i % 3), (i % 2) + 1),
            };
            var title = $"{Token('A')} Milepæl nummer {i + 1} om {Words[i % Words.Length]}";
            var comment = string.Join(' ', Enumerable.Range(0, 4 + ((i * 7) % 45)).Select(w => Words[(i + w) % Words.Length])) + " " + Token('Z');
            var milestone = new BriefingMilestone(i + 1, title, $"Periode {i + 1}", status, status.ToString(), i % 101, $"{i % 101} %", i % 3 == 0 ? "1. marts 2026" : string.Empty, comment, "Mette Medarbejder");
            var area = (i % areas.Count) + 1;
            milestones.Add((area, milestone, new TimelineMilestone(i + 1, title, [area.ToString(CultureInfo.InvariantCulture)], timing.Start, timing.End, timing.Precision, status)));
        }

        BriefingMilestone Extra(MilestoneStatus status)
        {
            row++;
            return new BriefingMilestone(10_000 + row, $"{Token('A')} Kommende milepæl", "2. kvartal 2026", status, status.ToString(), 10, "10 %", string.Empty, null, $"Ansvarlig {Token('Z')}");
        }

        BriefingAttentionItem Attention()
        {
            row++;
            var milestone = new BriefingMilestone(20_000 + row, $"{Token('A')} Milepæl i risiko", "1. halvår 2025", MilestoneStatus.AtRisk, "I risiko", 40, "40 %", string.Empty, null, "Lars Leder");
            return new BriefingAttentionItem(milestone, $"Forventet 1. marts 2025 – tre måneder over tid {Token('Z')}");
        }

        BriefingChange Change()
        {
            row++;
            return new BriefingChange(BriefingChangeKind.NewRisk, "Ny risiko", $"{Token('A')} Ændret milepæl", false, new DateTime(2025, 3, 1, 10, 0, 0), "1. marts 2025 kl. 10.00", "Planlagt → I risiko", "Mette Medarbejder", $"Leverandøren er forsinket {Token('Z')}");
        }

        var comingUp = Enumerable.Range(0, 25).Select(i => Extra(MilestoneStatus.InProgress)).ToList();
        var overdue = Enumerable.Range(0, 20).Select(_ => Attention()).ToList();
        var atRisk = Enumerable.Range(0, 20).Select(_ => Attention()).ToList();
        var changes = Enumerable.Range(0, 30).Select(_ => Change()).ToList();
        var initiatives = Enumerable.Range(0, 8).Select(i =>
        {
            row++;
            return new BriefingBudgetInitiative($"{Token('A')} Initiativ {i + 1}", "Budgetskitse 2025-2028", BudgetDecisionState.Approved, "Godkendt", ["1.250.000 kr.", "2.500.000 kr.", "750.000 kr.", Token('Z')], null);
        }).ToList();

        var timeline = TimelineLayout.Create(
            areas.Select(a => new TimelineLaneDefinition(a.Number.ToString(CultureInfo.InvariantCulture), $"{a.Number}. {a.Title}")),
            milestones.Select(m => m.Timeline),
            new DateOnly(2025, 1, 1),
            new DateOnly(2027, 12, 31),
            "Uden fokusområde");

        return new BriefingModel(
            new BriefingHeader("Børne- og Ungdomsudvalget", new DateOnly(2025, 6, 12), "12. juni 2025", "Forebyggende strategi – stor plan", "Norddjurs Kommune", "Børne- og Familieområdet", new DateTime(2025, 6, 1, 9, 30, 0), "1. juni 2025 kl. 09.30"),
            new BriefingSummary(OverallState.NeedsAttention, "Kræver opmærksomhed", "50 milepæle er i risiko ud af 300.", statuses.Select(s => new BriefingStatusCount(BriefingStates.Of(s, overdue: false), s.ToString(), MilestoneCount / statuses.Length)).ToList(), MilestoneCount, "Øvrige bemærkninger: Ændringer i Åbyhøj drøftes."),
            areas.Select(a => new BriefingFocusArea(a.Number, a.Title, milestones.Where(m => m.Area == a.Number).Select(m => m.Milestone).ToList())).ToList(),
            new BriefingChanges(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), "Statusændringer registreret siden 1. januar 2025.", changes),
            new BriefingComingUp(new DateOnly(2025, 6, 1), new DateOnly(2025, 9, 1), "Frem til næste udvalgsmøde 1. september 2025", comingUp),
            overdue,
            atRisk,
            new BriefingBudget([2025, 2026, 2027, 2028], initiatives, ["10.000.000 kr.", "20.000.000 kr.", "6.000.000 kr.", "0 kr."]),
            new BriefingTimeline(timeline, timeline.QuarterStarts().Select(q => (q, $"K{((q.Month - 1) / 3) + 1} {q.Year}")).ToList(), new DateOnly(2025, 6, 1), new Dictionary<int, DateOnly>(), new HashSet<int>()));
    }
}
