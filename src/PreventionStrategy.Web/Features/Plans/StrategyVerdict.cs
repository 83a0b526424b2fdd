using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Plans;

public enum OverallState
{
    OnTrack,
    NeedsAttention,
    Delayed,
}

/// <summary>
/// The one rule for how a strategy stands as a whole, used by the committee briefing, the dashboard and the
/// front page so they never disagree: each milestone is counted in one <see cref="BriefingState"/> (an open
/// milestone past its expected date is overdue, whatever was reported), and any overdue or delayed milestone
/// makes the strategy delayed, else any at risk makes it need attention.
/// </summary>
public sealed class StrategyVerdict
{
    private readonly Dictionary<BriefingState, int> counts;

    private StrategyVerdict(Dictionary<BriefingState, int> counts) => this.counts = counts;

    public static StrategyVerdict Empty { get; } = new([]);

    /// <summary>Worst first: the order states are shown in.</summary>
    public static IReadOnlyList<BriefingState> StatesInOrder { get; } =
        [BriefingState.Overdue, BriefingState.Delayed, BriefingState.AtRisk, BriefingState.InProgress, BriefingState.Planned, BriefingState.Done, BriefingState.Cancelled];

    public int Count(BriefingState state) => counts.GetValueOrDefault(state);

    public int Overdue => Count(BriefingState.Overdue);

    public int Delayed => Count(BriefingState.Delayed);

    public int AtRisk => Count(BriefingState.AtRisk);

    public int Total => counts.Values.Sum();

    public OverallState State =>
        Overdue > 0 || Delayed > 0 ? OverallState.Delayed
        : AtRisk > 0 ? OverallState.NeedsAttention
        : OverallState.OnTrack;

    public static StrategyVerdict Of(IEnumerable<BriefingState> states) =>
        new(states.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>From counts per reported status and whether past the expected date, as <see cref="Grouped"/> reads them.</summary>
    public static StrategyVerdict Of(IEnumerable<StateCount> groups) =>
        new(groups.GroupBy(g => BriefingStates.Of(g.Status, g.Overdue)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)));

    /// <summary>Milestones counted per (key, status, overdue) in SQL: the input of <see cref="Of(IEnumerable{StateCount})"/>.</summary>
    public static IQueryable<StateCount> Grouped(IQueryable<Milestone> milestones, DateOnly today) => milestones
        .GroupBy(m => new
        {
            m.StrategyId,
            m.Status,
            Overdue = m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled && (m.ForecastDate ?? m.Timing.End) < today,
        })
        .Select(g => new StateCount(g.Key.StrategyId, g.Key.Status, g.Key.Overdue, g.Count()));

    /// <summary>The verdict of every strategy's milestones as of <paramref name="today"/>: one SQL command.</summary>
    public static async Task<Dictionary<int, StrategyVerdict>> LoadAsync(IQueryable<Milestone> milestones, DateOnly today, CancellationToken cancellationToken)
    {
        var groups = await Grouped(milestones, today).ToListAsync(cancellationToken);
        return groups.GroupBy(g => g.Key).ToDictionary(s => s.Key, s => Of(s));
    }
}

/// <param name="Key">What the count is per: a strategy, or a focus area.</param>
public sealed record StateCount(int Key, MilestoneStatus Status, bool Overdue, int Count);
