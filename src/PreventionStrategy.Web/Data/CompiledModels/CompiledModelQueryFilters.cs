using PreventionStrategy.Web.Data;

// EF Core's compiled-model generator refuses query filters (dotnet/efcore#24897), so the models are generated without
// them (add-migration.sh) and get them here, through the hook the generated model calls once its entity types exist.
namespace PreventionStrategy.Web.Data.CompiledModels.Sqlite
{
    public partial class AppDbContextModel
    {
        partial void Customize() => ArchivedMilestoneFilters.AddTo(this);
    }
}

namespace PreventionStrategy.Web.Data.CompiledModels.PostgreSql
{
    public partial class AppDbContextModel
    {
        partial void Customize() => ArchivedMilestoneFilters.AddTo(this);
    }
}
