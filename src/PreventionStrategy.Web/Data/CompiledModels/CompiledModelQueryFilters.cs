using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace PreventionStrategy.Web.Data.CompiledModels.Sqlite;

// EF Core's compiled-model generator refuses query filters (dotnet/efcore#24897), so the model is generated
// without them (add-migration.sh) and they are put back here, through the hook the generated code calls for each
// entity type. The annotation is where EF Core's own model keeps them; CompiledModelTests fail if the filters here
// and those of the configured model ever differ.
#pragma warning disable EF1001 // QueryFilter and its annotation are EF Core internals; the test above guards them.
internal static class CompiledModelQueryFilters
{
    public static void Add(RuntimeEntityType entityType, LambdaExpression filter) =>
        entityType.AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(null, filter)]));
}
#pragma warning restore EF1001

public partial class MilestoneEntityType
{
    static partial void Customize(RuntimeEntityType runtimeEntityType) =>
        CompiledModelQueryFilters.Add(runtimeEntityType, ArchivedMilestoneFilters.Milestone);
}

public partial class MilestoneTaskEntityType
{
    static partial void Customize(RuntimeEntityType runtimeEntityType) =>
        CompiledModelQueryFilters.Add(runtimeEntityType, ArchivedMilestoneFilters.Task);
}

public partial class MilestoneStatusUpdateEntityType
{
    static partial void Customize(RuntimeEntityType runtimeEntityType) =>
        CompiledModelQueryFilters.Add(runtimeEntityType, ArchivedMilestoneFilters.StatusUpdate);
}

public partial class CommitteeDecisionEntityType
{
    static partial void Customize(RuntimeEntityType runtimeEntityType) =>
        CompiledModelQueryFilters.Add(runtimeEntityType, ArchivedMilestoneFilters.Decision);
}
