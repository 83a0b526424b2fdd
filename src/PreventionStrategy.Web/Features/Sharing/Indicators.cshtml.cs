using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>The shared strategy's indicators with their latest figure and verdict; small numbers shown as "&lt;5", as to everyone but administrators.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndicatorsModel(AppDbContext db, ShareLinks links, SecurityEvents security) : SharePageModel(db, links, security)
{
    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Indicators = await IndicatorSummaries.LoadAsync(Db, Db.Indicators.Where(i => i.StrategyId == Strategy.Id), cancellationToken);
}
