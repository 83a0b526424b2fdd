using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Milestones;

// EF Core's compiled-model generator refuses query filters (dotnet/efcore#24897), so the models are generated
// without them (add-migration.sh) and they are put back here, through the hook the generated model calls once its
// entity types exist. The annotation is where EF Core keeps a runtime model's filters; CompiledModelTests compile the
// filtered queries and fail if the filters here and those of AppDbContext's configuration ever differ.
namespace PreventionStrategy.Web.Data.CompiledModels
{
    internal static class CompiledModelQueryFilters
    {
        public static void AddTo(RuntimeModel model)
        {
            Add(model, ArchivedMilestoneFilters.Milestone);
            Add(model, ArchivedMilestoneFilters.Task);
            Add(model, ArchivedMilestoneFilters.StatusUpdate);
            Add(model, ArchivedMilestoneFilters.Decision);
        }

#pragma warning disable EF1001 // RuntimeQueryFilter and its annotation are EF Core internals; the tests above guard them.
        private static void Add<TEntity>(RuntimeModel model, Expression<Func<TEntity, bool>> filter) =>
            ((RuntimeEntityType)((IModel)model).FindEntityType(typeof(TEntity))!)
                .AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(null, filter)]));
#pragma warning restore EF1001
    }
}

namespace PreventionStrategy.Web.Data.CompiledModels.Sqlite
{
    public partial class AppDbContextModel
    {
        partial void Customize() => CompiledModelQueryFilters.AddTo(this);
    }
}

namespace PreventionStrategy.Web.Data.CompiledModels.PostgreSql
{
    public partial class AppDbContextModel
    {
        partial void Customize() => CompiledModelQueryFilters.AddTo(this);
    }
}
