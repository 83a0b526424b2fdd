using System.Globalization;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The briefing's own Danish sentences, which the site's resources do not have ("3 dage over",
/// "Planlagt → I gang"). Dates, periods, amounts and status names come from <see cref="Display"/>.
/// </summary>
public sealed class BriefingWording(Display display)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public string OverallState(OverallState state) => state switch
    {
        Plans.OverallState.Delayed => "Forsinket",
        Plans.OverallState.NeedsAttention => "Kræver opmærksomhed",
        _ => "Planen følges",
    };

    /// <summary>A focus area's status with its basis: the rule's reason, or who overrode it, when, and why.</summary>
    public BriefingFocusAreaStatus AreaStatus(FocusAreas.FocusAreaStanding standing, StrategyVerdict verdict)
    {
        var status = standing.Status;
        var basis = standing.IsOverridden
            ? $"Sat af {standing.OverriddenByName ?? "en administrator"}{(standing.OverriddenAtUtc is { } at ? " " + display.Date(DateOnly.FromDateTime(Shared.DanishTime.FromUtc(at))) : string.Empty)} (efter reglen: {FocusAreas.FocusAreaStatusRule.DanishText(standing.ByRule)}): {standing.Justification}"
            : "Efter reglen: " + OverallExplanation(verdict.Overdue, verdict.Delayed, verdict.AtRisk, verdict.Total).Replace("Strategiens milepæl", "Fokusområdets milepæl").Replace("Strategien har endnu ingen milepæle.", "Fokusområdet har endnu ingen milepæle.");
        return new BriefingFocusAreaStatus(status, FocusAreas.FocusAreaStatusRule.DanishText(status), FocusAreas.FocusAreaStatusRule.Symbol(status), standing.IsOverridden, basis);
    }

    /// <summary>"3 af 5 milepæle er over tid, og 1 er forsinket." Each milestone is counted in one state only.</summary>
    public string OverallExplanation(int overdue, int delayed, int atRisk, int total)
    {
        if (overdue == 0 && delayed == 0 && atRisk == 0)
        {
            return total == 0
                ? "Strategien har endnu ingen milepæle."
                : total == 1 ? "Strategiens milepæl følger planen." : $"Alle {total} milepæle følger planen.";
        }

        var parts = new List<string>();
        foreach (var (count, what) in new[] { (overdue, "over tid"), (delayed, "forsinket"), (atRisk, "i risiko") })
        {
            if (count > 0)
            {
                parts.Add(parts.Count == 0
                    ? string.Create(Danish, $"{count} af {Count(total, "milepæl", "milepæle")} er {what}")
                    : string.Create(Danish, $"{count} er {what}"));
            }
        }

        return parts.Count == 1 ? parts[0] + "." : string.Join(", ", parts[..^1]) + ", og " + parts[^1] + ".";
    }

    public string State(BriefingState state) => state switch
    {
        BriefingState.Overdue => "Over tid",
        BriefingState.InProgress => display.Enum(MilestoneStatus.InProgress),
        BriefingState.AtRisk => display.Enum(MilestoneStatus.AtRisk),
        BriefingState.Delayed => display.Enum(MilestoneStatus.Delayed),
        BriefingState.Done => display.Enum(MilestoneStatus.Done),
        BriefingState.Cancelled => display.Enum(MilestoneStatus.Cancelled),
        _ => display.Enum(MilestoneStatus.Planned),
    };

    public string NoComment => "Ingen kommentar til status.";

    /// <summary>"Også i fokusområde 2 og 3", or null when the milestone belongs to one focus area only.</summary>
    public string? AlsoIn(IReadOnlyList<int> otherAreaNumbers) => otherAreaNumbers.Count == 0
        ? null
        : "Også i fokusområde " + (otherAreaNumbers.Count == 1
            ? otherAreaNumbers[0].ToString(Danish)
            : string.Join(", ", otherAreaNumbers.SkipLast(1).Select(n => n.ToString(Danish))) + " og " + otherAreaNumbers[^1].ToString(Danish));

    public string ChangeKind(BriefingChangeKind kind) => kind switch
    {
        BriefingChangeKind.Completed => "Gennemført",
        BriefingChangeKind.NewRisk => "Ny risiko",
        BriefingChangeKind.Delayed => "Forsinkelse",
        BriefingChangeKind.Moved => "Flyttet",
        BriefingChangeKind.Added => "Ny milepæl",
        BriefingChangeKind.Cancelled => "Aflyst",
        BriefingChangeKind.Archived => "Arkiveret",
        BriefingChangeKind.BudgetDecisionChanged => "Budgetbeslutning",
        _ => "Ny status",
    };

    /// <summary>The period of the snapshot comparison: from what the committee saw at its previous meeting.</summary>
    public string SinceMeeting(DateOnly meeting) => $"Ændringer siden det, udvalget så til mødet {display.Date(meeting)}.";

    public string Moved(PlannedTiming from, PlannedTiming to) => $"Planlagt {display.Timing(from)} → {display.Timing(to)}";

    public string Added(PlannedTiming timing) => $"Ny i planen, planlagt {display.Timing(timing)}";

    public string Archived => "Taget ud af planen (arkiveret)";

    public string BudgetDecision(BudgetDecisionState from, BudgetDecisionState to) => $"{display.Enum(from)} → {display.Enum(to)}";

    public string StatusChange(MilestoneStatus from, MilestoneStatus to) => $"{display.Enum(from)} → {display.Enum(to)}";

    public string ForecastMoved(DateOnly? from, DateOnly to) => from is { } old
        ? $"Prognose rykket fra {display.Date(old)} til {display.Date(to)}"
        : $"Prognose sat til {display.Date(to)}";

    public string Since(DateTime sinceDanish) => $"Statusændringer registreret siden {display.Date(DateOnly.FromDateTime(sinceDanish))}.";

    public string UntilMeeting(DateOnly meeting) => $"Frem til næste udvalgsmøde {display.Date(meeting)}";

    public string NextWeeks(int weeks, DateOnly until) => $"De næste {weeks} uger (til og med {display.Date(until)})";

    public string Overdue(DateOnly expectedBy, DateOnly today)
    {
        var days = today.DayNumber - expectedBy.DayNumber;
        return $"Forventet {display.Date(expectedBy)} – {Count(days, "dag", "dage")} over tid";
    }

    public string Quarter(DateOnly start) => string.Create(Danish, $"K{((start.Month - 1) / 3) + 1} {start.Year}");

    private static string Count(int n, string one, string many) => string.Create(Danish, $"{n} {(n == 1 ? one : many)}");
}
