using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// One indicator: its verdict and trend in words, the chart with the same numbers in a table beside it,
/// the targets with their reasoning and the history of its figures. A fixed number of SQL commands.
/// </summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The page shows the latest corrections; older ones are in the audit trail.</summary>
    public const int HistoryLimit = 30;

    public Indicator Indicator { get; private set; } = null!;

    public string StrategyName { get; private set; } = string.Empty;

    public string? OwnerName { get; private set; }

    public IReadOnlyList<FocusAreaTag> FocusAreas { get; private set; } = [];

    public IndicatorSeries Series { get; private set; } = null!;

    public IReadOnlyList<IndicatorMeasurement> Measurements { get; private set; } = [];

    public IReadOnlyList<MeasurementRevision> History { get; private set; } = [];

    public IndicatorAssessment Assessment { get; private set; } = null!;

    public bool SeesSmallNumbers { get; private set; }

    public bool CanEnter { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Categories)
            .Include(i => i.Targets)
            .Include(i => i.Measurements).ThenInclude(m => m.Values)
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        Indicator = indicator;
        var heading = await db.Indicators.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { StrategyName = i.Strategy!.Name, OwnerName = i.Owner == null ? null : i.Owner.FullName })
            .FirstAsync(cancellationToken);
        StrategyName = heading.StrategyName;
        OwnerName = heading.OwnerName;
        FocusAreas = await db.Indicators.AsNoTracking().Where(i => i.Id == id)
            .SelectMany(i => i.FocusAreas).OrderBy(f => f.SortOrder)
            .Select(f => new FocusAreaTag(f.Id, f.SortOrder, f.Title)).ToListAsync(cancellationToken);
        History = await db.MeasurementRevisions.AsNoTracking().Where(r => r.IndicatorId == id)
            .OrderByDescending(r => r.ChangedAtUtc).ThenByDescending(r => r.Id).Take(HistoryLimit).ToListAsync(cancellationToken);

        Measurements = indicator.Measurements.OrderBy(m => m.Period.Start).ToList();
        Series = IndicatorSeriesBuilder.From(indicator);
        Assessment = IndicatorAssessment.Of(indicator.Kind, indicator.Direction, indicator.BaselineValue, indicator.BaselinePeriod, indicator.Targets,
            Measurements.Select(m => new IndicatorPoint(m.Period, m.Total, m.IsFinal)).ToList());
        SeesSmallNumbers = SmallNumbers.ViewerSees(User);
        CanEnter = IndicatorAccess.CanEnter(User, indicator.OwnerId);
        return Page();
    }

    /// <summary>The template CSV: the indicator's periods (with what is stored) in Statistikbanken's shape.</summary>

    public async Task<IActionResult> OnGetTemplateAsync(int id, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Categories)
            .Include(i => i.Measurements).ThenInclude(m => m.Values)
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        var csv = IndicatorCsvTemplate.Write(indicator, clock.Today(), SmallNumbers.ViewerSees(User));
        Response.Headers.CacheControl = "no-store";
        return File(csv, "text/csv; charset=utf-8", IndicatorCsvTemplate.FileName(indicator));
    }
}
