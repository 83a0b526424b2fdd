using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

// EF Core's compiled-model generator refuses query filters (dotnet/efcore#24897), so the models are generated
// without them (add-migration.sh) and they are put back here, through the hook the generated code calls for each
// entity type. The annotation is where EF Core keeps a runtime model's filters; CompiledModelTests compile the
// filtered queries and fail if the filters here and those of AppDbContext's configuration ever differ.
namespace PreventionStrategy.Web.Data.CompiledModels
{
#pragma warning disable EF1001 // RuntimeQueryFilter and its annotation are EF Core internals; the tests above guard them.
    internal static class CompiledModelQueryFilters
    {
        public static void Add(RuntimeEntityType entityType, LambdaExpression filter) =>
            entityType.AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(null, filter)]));
    }
#pragma warning restore EF1001
}

namespace PreventionStrategy.Web.Data.CompiledModels.Sqlite
{
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
}

namespace PreventionStrategy.Web.Data.CompiledModels.PostgreSql
{
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
}
