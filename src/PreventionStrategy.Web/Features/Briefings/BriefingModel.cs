using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Timeline;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// Everything a committee briefing says, already worded in Danish: the document only arranges it.
/// Built by <see cref="BriefingModelBuilder"/> from the database, or in memory by tests. The same
/// model always gives the same document (its dates, metadata included, come from here, not the clock).
/// </summary>
public sealed record BriefingModel(
    BriefingHeader Header,
    BriefingSummary Summary,
    IReadOnlyList<BriefingFocusArea> FocusAreas,
    BriefingChanges Changes,
    BriefingComingUp ComingUp,
    IReadOnlyList<BriefingAttentionItem> Overdue,
    IReadOnlyList<BriefingAttentionItem> AtRisk,
    BriefingBudget Budget,
    BriefingTimeline Timeline)
{
    /// <summary>Whether the strategy works: its indicators. Empty unless the builder adds it (tests may build a model without).</summary>
    public BriefingEffect Effect { get; init; } = BriefingEffect.Empty;

    /// <summary>Decisions asked of the committee, open ones first; answered ones only in the first briefing after the answer. Empty until the builder adds them.</summary>
    public IReadOnlyList<BriefingDecision> Decisions { get; init; } = [];
}

/// <param name="MeetingDateText">"13. marts 2025", or null when the briefing is not for a particular meeting.</param>
/// <param name="IsDraft">A draft (preview or download before issuing): every page is stamped "UDKAST".</param>
/// <param name="GeneratedAt">Danish local time of generation.</param>
public sealed record BriefingHeader(
    string CommitteeName,
    DateOnly? MeetingDate,
    string? MeetingDateText,
    string StrategyName,
    string Municipality,
    string Division,
    DateTime GeneratedAt,
    string GeneratedAtText,
    bool IsDraft = false);

/// <param name="OverallStateText">E.g. "Kræver opmærksomhed".</param>
/// <param name="OverallExplanation">One sentence on why, e.g. "2 milepæle er i risiko."</param>
/// <param name="Statement">The administration's own words to the committee, if any.</param>
public sealed record BriefingSummary(
    OverallState OverallState,
    string OverallStateText,
    string OverallExplanation,
    IReadOnlyList<BriefingStatusCount> StatusCounts,
    int MilestoneCount,
    string? Statement);

/// <summary>Milestones in one <see cref="BriefingState"/>; each milestone is counted once.</summary>
public sealed record BriefingStatusCount(BriefingState State, string StatusText, int Count);

/// <param name="Milestones">The milestones listed here: each milestone is listed under its first focus area only.</param>
/// <param name="AlsoHere">Milestones listed under an earlier focus area that belong here too, per that area: "under 1. Flere netværksanbringelser: A; B".</param>
/// <param name="Status">The area's status by <see cref="FocusAreas.FocusAreaStatusRule"/> or an administrator's override; null in models built without it.</param>
public sealed record BriefingFocusArea(int Number, string Title, IReadOnlyList<BriefingMilestone> Milestones, IReadOnlyList<string>? AlsoHere = null, BriefingFocusAreaStatus? Status = null);

/// <param name="StatusText">"Ude af kurs", "Kræver opmærksomhed" or "På sporet".</param>
/// <param name="Symbol">"×", "!" or "✓": the status is never told by colour alone.</param>
/// <param name="BasisText">Why: "Efter reglen: 2 milepæle over tid." or "Sat af Anne Admin 3. december 2026 (efter reglen: Ude af kurs): the justification".</param>
public sealed record BriefingFocusAreaStatus(FocusAreas.FocusAreaStatus Status, string StatusText, string Symbol, bool Overridden, string BasisText);

/// <param name="TimingText">At the plan's precision: "1. kvartal 2025", "13. december 2024".</param>
/// <param name="ForecastText">Forecast date, or empty when none is given.</param>
/// <param name="State">The briefing's one rule for its state (overdue when open and past its expected date).</param>
/// <param name="SharedText">"Også i fokusområde 2 og 3" when it belongs to more focus areas than the one it is listed under.</param>
public sealed record BriefingMilestone(
    int Id,
    string Title,
    string TimingText,
    MilestoneStatus Status,
    string StatusText,
    int ProgressPercent,
    string ProgressText,
    string ForecastText,
    string? LatestComment,
    string? OwnerName,
    BriefingState State = BriefingState.Planned,
    string? SharedText = null);

public enum BriefingChangeKind
{
    Completed,
    StatusChanged,
    NewRisk,
    Delayed,

    /// <summary>Planned timing or forecast moved (from the snapshot comparison; the history-based list says <see cref="Delayed"/>).</summary>
    Moved,
    Added,
    Cancelled,
    Archived,
    BudgetDecisionChanged,
}

/// <param name="SinceText">"siden 1. januar 2025", the start of the period the changes cover.</param>
public sealed record BriefingChanges(DateTime SinceUtc, string SinceText, IReadOnlyList<BriefingChange> Items);

/// <param name="ChangeText">What happened, e.g. "Planlagt → I gang" or "Prognose rykket fra 1. marts 2025 til 1. maj 2025".</param>
public sealed record BriefingChange(
    BriefingChangeKind Kind,
    string KindText,
    string MilestoneTitle,
    bool MilestoneArchived,
    DateTime At,
    string AtText,
    string ChangeText,
    string UpdatedByName,
    string? Comment);

/// <param name="PeriodText">"frem til næste udvalgsmøde 12. juni 2025" or "de næste 8 uger".</param>
public sealed record BriefingComingUp(DateOnly From, DateOnly Until, string PeriodText, IReadOnlyList<BriefingMilestone> Items);

/// <param name="Reason">Why it needs attention: "Forventet 1. marts 2025 (34 dage over)" or the status.</param>
public sealed record BriefingAttentionItem(BriefingMilestone Milestone, string Reason);

/// <param name="Years">The budget years shown as columns, in order.</param>
/// <param name="TotalsText">Per year, the sum of the initiatives decided or still proposed: never the rejected or postponed ones.</param>
/// <param name="SetAsideTotalsText">Per year, the sum of the rejected and postponed initiatives, shown apart; null when there are none.</param>
public sealed record BriefingBudget(IReadOnlyList<int> Years, IReadOnlyList<BriefingBudgetInitiative> Initiatives, IReadOnlyList<string> TotalsText, IReadOnlyList<string>? SetAsideTotalsText = null);

/// <param name="AmountsText">One per year in <see cref="BriefingBudget.Years"/>, "1.250.000 kr." or empty.</param>
public sealed record BriefingBudgetInitiative(
    string Title,
    string BudgetSketch,
    BudgetDecisionState DecisionState,
    string DecisionStateText,
    IReadOnlyList<string> AmountsText,
    string? DecisionNote);

/// <param name="QuarterLabels">Tick labels per quarter start in the range ("K1 2025"), worded by the builder.</param>
/// <param name="Today">The day the briefing speaks from, marked on the chart.</param>
/// <param name="Forecasts">Forecast dates that differ from the planned end, by milestone id, drawn beside the planned period.</param>
/// <param name="Overdue">Ids of the milestones that are overdue by <see cref="BriefingStates"/>' rule, drawn as such.</param>
public sealed record BriefingTimeline(
    TimelineLayout Layout,
    IReadOnlyList<(DateOnly Start, string Label)> QuarterLabels,
    DateOnly Today,
    IReadOnlyDictionary<int, DateOnly> Forecasts,
    IReadOnlySet<int> Overdue);
