using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>One indicator of the shared strategy: verdict, chart and figures; no comments or who entered them (they name people).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndicatorModel(AppDbContext db, ShareLinks links, SecurityEvents security) : SharePageModel(db, links, security)
{
    public Indicator Indicator { get; private set; } = null!;

    public IReadOnlyList<IndicatorMeasurement> Measurements { get; private set; } = [];

    public IndicatorSeries Series { get; private set; } = null!;

    public IndicatorAssessment Assessment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var indicator = await Db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Categories)
            .Include(i => i.Targets)
            .Include(i => i.Measurements).ThenInclude(m => m.Values)
            .FirstOrDefaultAsync(i => i.Id == id && i.StrategyId == Strategy.Id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        Indicator = indicator;
        Measurements = indicator.Measurements.OrderBy(m => m.Period.Start).ToList();
        Series = IndicatorSeriesBuilder.From(indicator);
        Assessment = IndicatorAssessment.Of(indicator.Kind, indicator.Direction, indicator.BaselineValue, indicator.BaselinePeriod, indicator.Targets,
            Measurements.Select(m => new IndicatorPoint(m.Period, m.Total, m.IsFinal)).ToList());
        return Page();
    }
}
