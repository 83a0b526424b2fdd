namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>
/// Rewrites the ids a snapshot document refers to, for carrying it between databases (the plan file).
/// Each map turns one id into another; the document's order is kept, so rewriting is deterministic.
/// </summary>
public static class SnapshotIds
{
    public static SnapshotDocument Remap(
        SnapshotDocument document,
        int strategyId,
        int? meetingId,
        Func<int, int> milestone,
        Func<int, int> focusArea,
        Func<int, int> budget,
        Func<int, int> indicator,
        Func<int, int> decision) => document with
        {
            StrategyId = strategyId,
            MeetingId = meetingId,
            FocusAreas = [.. document.FocusAreas.Select(f => f with { Id = focusArea(f.Id) })],
            Milestones = [.. document.Milestones.Select(m => m with { Id = milestone(m.Id), FocusAreaIds = [.. m.FocusAreaIds.Select(focusArea)] })],
            BudgetInitiatives = [.. document.BudgetInitiatives.Select(b => b with { Id = budget(b.Id) })],
            IndicatorValues = [.. document.IndicatorValues.Select(v => v with { IndicatorId = indicator(v.IndicatorId) })],
            Decisions = [.. document.Decisions.Select(d => d with { Id = decision(d.Id), MilestoneId = milestone(d.MilestoneId) })],
        };

    /// <summary>
    /// Known ids to their 1-based place in <paramref name="order"/>; any other id to -1, -2, … in the order first asked,
    /// so an entity that has left the plan keeps its identity within the file.
    /// </summary>
    public static Func<int, int> ToPositions(IReadOnlyList<int> order)
    {
        var positions = order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i + 1);
        var others = new Dictionary<int, int>();
        return id => positions.TryGetValue(id, out var position)
            ? position
            : others.TryGetValue(id, out var other) ? other : others[id] = -(others.Count + 1);
    }

    /// <summary>Positions back to ids: 1-based places in <paramref name="order"/>; anything else is kept as it is (never a real id).</summary>
    public static Func<int, int> FromPositions(IReadOnlyList<int> order) =>
        position => position >= 1 && position <= order.Count ? order[position - 1] : position;
}
