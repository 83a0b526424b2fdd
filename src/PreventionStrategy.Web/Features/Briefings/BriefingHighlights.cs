namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The three most important changes since the last meeting, for page 1. The ranking: a milestone delayed (reported
/// delayed, or its forecast moved later) first, then newly at risk, then completed, then any other status change;
/// within a kind the newest first. A milestone counts once, by its most important change in the period, so three
/// updates of one milestone never fill the list.
/// </summary>
public static class BriefingHighlights
{
    public const int TopChangeCount = 3;

    public static IReadOnlyList<BriefingChange> TopChanges(BriefingChanges changes, int count = TopChangeCount) => changes.Items
        .GroupBy(c => c.MilestoneTitle)
        .Select(g => g.OrderBy(c => Rank(c.Kind)).ThenByDescending(c => c.At).First())
        .OrderBy(c => Rank(c.Kind)).ThenByDescending(c => c.At)
        .Take(count)
        .ToList();

    private static int Rank(BriefingChangeKind kind) => kind switch
    {
        BriefingChangeKind.Delayed => 0,
        BriefingChangeKind.NewRisk => 1,
        BriefingChangeKind.Completed => 2,
        _ => 3,
    };
}
