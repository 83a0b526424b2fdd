using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.FocusAreas;

/// <summary>How a focus area stands: told on page 1 of the briefing, on the focus area pages and the dashboard.</summary>
public enum FocusAreaStatus
{
    OnTrack,
    NeedsAttention,
    OffTrack,
}

/// <summary>
/// The one rule for a focus area's status, from the states of all its milestones (shared ones included) by the
/// briefing's state rule (<see cref="BriefingStates"/>): <b>Ude af kurs</b> when any of them is overdue (open and
/// past its expected date) or reported delayed; else <b>Kræver opmærksomhed</b> when any is reported at risk;
/// else <b>På sporet</b> (also with no milestones, or only done, cancelled, planned and in progress ones).
/// It is <see cref="StrategyVerdict"/>'s rule applied to the area, so an area is never told better than the
/// strategy's headline allows. An administrator may override it, with a justification that is shown beside it.
/// </summary>
public static class FocusAreaStatusRule
{
    public static FocusAreaStatus Of(StrategyVerdict verdict) => verdict.State switch
    {
        OverallState.Delayed => FocusAreaStatus.OffTrack,
        OverallState.NeedsAttention => FocusAreaStatus.NeedsAttention,
        _ => FocusAreaStatus.OnTrack,
    };

    public static FocusAreaStatus Of(IEnumerable<BriefingState> states) => Of(StrategyVerdict.Of(states));

    /// <summary>A symbol beside the word, so the status never depends on colour alone (all three are in IBM Plex Sans).</summary>
    public static string Symbol(FocusAreaStatus status) => status switch
    {
        FocusAreaStatus.OffTrack => "×",
        FocusAreaStatus.NeedsAttention => "!",
        _ => "✓",
    };

    /// <summary>The Danish word, for the briefing (the web takes it from the resources, key FocusAreaStatus.*).</summary>
    public static string DanishText(FocusAreaStatus status) => status switch
    {
        FocusAreaStatus.OffTrack => "Ude af kurs",
        FocusAreaStatus.NeedsAttention => "Kræver opmærksomhed",
        _ => "På sporet",
    };
}

/// <summary>A focus area's status as shown: the rule's, or an administrator's override with its justification.</summary>
/// <param name="ByRule">What the rule says, shown beside an override so a reader sees both.</param>
public sealed record FocusAreaStanding(FocusAreaStatus ByRule, FocusAreaStatus? Override, string? Justification, string? OverriddenByName, DateTime? OverriddenAtUtc)
{
    public FocusAreaStatus Status => Override ?? ByRule;

    public bool IsOverridden => Override is not null;
}
