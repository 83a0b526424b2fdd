using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Data;

/// <summary>
/// Archived milestones (those with status history are archived, not deleted) are hidden everywhere, with what
/// hangs on them; the archive page ignores the filters. One list for the two kinds of model that carry them: the one
/// built from <see cref="AppDbContext"/>'s configuration, and the compiled models, whose generator cannot write query
/// filters (they are given them in <c>CompiledModels/CompiledModelQueryFilters.cs</c>).
/// </summary>
public static class ArchivedMilestoneFilters
{
    public static readonly Expression<Func<Milestone, bool>> Milestone = m => !m.IsArchived;

    public static readonly Expression<Func<MilestoneTask, bool>> Task = t => !t.Milestone!.IsArchived;

    public static readonly Expression<Func<MilestoneStatusUpdate, bool>> StatusUpdate = u => !u.Milestone!.IsArchived;

    public static readonly Expression<Func<CommitteeDecision, bool>> Decision = d => !d.Milestone!.IsArchived;

    private static readonly (Type Entity, LambdaExpression Filter)[] All =
    [
        (typeof(Milestone), Milestone),
        (typeof(MilestoneTask), Task),
        (typeof(MilestoneStatusUpdate), StatusUpdate),
        (typeof(CommitteeDecision), Decision),
    ];

    /// <summary>The filters in the model built from the configuration.</summary>
    public static void ApplyTo(ModelBuilder builder)
    {
        foreach (var (entity, filter) in All)
        {
            builder.Entity(entity).HasQueryFilter(filter);
        }
    }

    /// <summary>
    /// The filters in a compiled model, once its entity types exist and before it is finalized. The annotation is where
    /// EF Core keeps a runtime model's filters; CompiledModelTests compile the filtered queries and fail if this and
    /// <see cref="ApplyTo"/> ever differ.
    /// </summary>
#pragma warning disable EF1001 // RuntimeQueryFilter and its annotation are EF Core internals; the tests above guard them.
    public static void AddTo(RuntimeModel model)
    {
        foreach (var (entity, filter) in All)
        {
            ((RuntimeEntityType)((IModel)model).FindEntityType(entity)!)
                .AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(null, filter)]));
        }
    }
#pragma warning restore EF1001
}
