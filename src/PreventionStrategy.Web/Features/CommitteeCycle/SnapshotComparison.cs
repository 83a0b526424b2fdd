using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

public enum SnapshotChangeKind
{
    Completed,
    NewlyAtRisk,
    NewlyDelayed,
    Moved,
    Added,
    Cancelled,
    Archived,
    BudgetDecisionChanged,
}

/// <summary>
/// One difference between two snapshots, with the values on both sides so each page words it its own way.
/// A milestone that both turned delayed and moved is two changes: the committee hears both.
/// </summary>
public sealed record SnapshotChange(
    SnapshotChangeKind Kind,
    string Title,
    string? OwnerName,
    string? Comment,
    int? MilestoneId = null,
    MilestoneStatus? OldStatus = null,
    MilestoneStatus? NewStatus = null,
    SnapshotTiming? OldTiming = null,
    SnapshotTiming? NewTiming = null,
    DateOnly? OldForecast = null,
    DateOnly? NewForecast = null,
    BudgetDecisionState? OldDecision = null,
    BudgetDecisionState? NewDecision = null);

/// <summary>
/// "Siden sidste møde": what differs between an earlier and a later snapshot of the same strategy, matched by id.
/// A pure function of the two documents, grouped by kind (in <see cref="SnapshotChangeKind"/>'s order) and within
/// a kind in the later document's order.
/// </summary>
public static class SnapshotComparison
{
    public static IReadOnlyList<SnapshotChange> Compare(SnapshotDocument before, SnapshotDocument after)
    {
        var earlier = before.Milestones.ToDictionary(m => m.Id);
        var changes = new List<SnapshotChange>();
        foreach (var now in after.Milestones)
        {
            if (!earlier.TryGetValue(now.Id, out var then))
            {
                if (!now.IsArchived)
                {
                    changes.Add(Change(SnapshotChangeKind.Added, now, null));
                }

                continue;
            }

            if (then.IsArchived)
            {
                continue;
            }

            if (now.IsArchived)
            {
                changes.Add(Change(SnapshotChangeKind.Archived, now, then));
                continue;
            }

            if (now.Status != then.Status && StatusKind(now.Status) is { } kind)
            {
                changes.Add(Change(kind, now, then));
            }

            var timingMoved = now.Timing.Start != then.Timing.Start || now.Timing.End != then.Timing.End;
            if (now.Status != MilestoneStatus.Cancelled && (timingMoved || now.ForecastDate != then.ForecastDate))
            {
                changes.Add(Change(SnapshotChangeKind.Moved, now, then));
            }
        }

        var earlierBudget = before.BudgetInitiatives.ToDictionary(b => b.Id);
        foreach (var now in after.BudgetInitiatives)
        {
            if (earlierBudget.TryGetValue(now.Id, out var then) && then.DecisionState != now.DecisionState)
            {
                changes.Add(new SnapshotChange(SnapshotChangeKind.BudgetDecisionChanged, now.Title, null, now.DecisionNote, OldDecision: then.DecisionState, NewDecision: now.DecisionState));
            }
        }

        return changes.OrderBy(c => c.Kind).ToList();
    }

    private static SnapshotChangeKind? StatusKind(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Done => SnapshotChangeKind.Completed,
        MilestoneStatus.AtRisk => SnapshotChangeKind.NewlyAtRisk,
        MilestoneStatus.Delayed => SnapshotChangeKind.NewlyDelayed,
        MilestoneStatus.Cancelled => SnapshotChangeKind.Cancelled,
        _ => null,
    };

    private static SnapshotChange Change(SnapshotChangeKind kind, SnapshotMilestone now, SnapshotMilestone? then) => new(
        kind,
        now.Title,
        now.OwnerName,
        now.LatestComment,
        now.Id,
        then?.Status,
        now.Status,
        then?.Timing,
        now.Timing,
        then?.ForecastDate,
        now.ForecastDate);
}
