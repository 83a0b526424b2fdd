using System.Linq.Expressions;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Data;

/// <summary>
/// Archived milestones (those with status history are archived, not deleted) are hidden everywhere, with what
/// hangs on them; the archive page ignores the filters. Written once here because two models carry them: the one
/// built from <see cref="AppDbContext"/>'s configuration and the compiled model for SQLite, whose generator
/// cannot write query filters (they are added back in <c>CompiledModels/CompiledModelQueryFilters.cs</c>).
/// </summary>
public static class ArchivedMilestoneFilters
{
    public static readonly Expression<Func<Milestone, bool>> Milestone = m => !m.IsArchived;

    public static readonly Expression<Func<MilestoneTask, bool>> Task = t => !t.Milestone!.IsArchived;

    public static readonly Expression<Func<MilestoneStatusUpdate, bool>> StatusUpdate = u => !u.Milestone!.IsArchived;

    public static readonly Expression<Func<CommitteeDecision, bool>> Decision = d => !d.Milestone!.IsArchived;
}
