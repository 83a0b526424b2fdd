using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Timeline;

/// <summary>
/// The plan along a time axis: one lane per focus area, drawn on the server as SVG from the same
/// layout the briefing's chart uses, with the list's filters and a table that says the same in
/// words. Four SQL commands whatever the size of the plan: the strategy, its focus areas, the
/// filtered milestones and their focus areas.
/// </summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, Display show, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MilestoneFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public TimelineZoom Zoom { get; set; } = TimelineZoom.Quarter;

    public StrategyHeading? Strategy { get; private set; }

    /// <summary>The chart, its layout, each milestone's timing in words and which are overdue.</summary>
    public TimelineView View { get; private set; } = null!;

    public TimelineLayout Layout => View.Layout;

    public TimelineChart Chart => View.Chart;

    /// <summary>Each milestone's timing as the plan states it, written once however many lanes it is drawn in.</summary>
    public IReadOnlyDictionary<int, string> TimingTexts => View.TimingTexts;

    /// <summary>Open milestones past their expected date (the forecast, else the end of the period).</summary>
    public IReadOnlySet<int> Overdue => View.Overdue;

    public string OverdueWord => localizer["Milestones.Overdue"];

    /// <summary>Whether more of the plan lies before or after the range shown, for the paging links.</summary>
    public bool HasEarlier => View.HasEarlier;

    public bool HasLater => View.HasLater;

    public IReadOnlyList<SelectListItem> FocusAreaOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Strategy = await CurrentStrategy.FindAsync(db, Filter.StrategyId, cancellationToken);
        if (Strategy is null)
        {
            return Filter.StrategyId is null ? RedirectToPage("/Index") : NotFound();
        }

        FilterValues.DropInvalid(ModelState);

        // A period outside the years a plan can have is dropped like an unbindable one: the window around it would run off the calendar.
        if (Filter.From is { Year: < PlannedTiming.MinYear or > PlannedTiming.MaxYear })
        {
            Filter.From = null;
        }

        if (Filter.To is { Year: < PlannedTiming.MinYear or > PlannedTiming.MaxYear })
        {
            Filter.To = null;
        }

        Filter.StrategyId = Strategy.Id;
        var today = clock.Today();
        var focusAreas = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == Strategy.Id)
            .OrderBy(f => f.SortOrder)
            .Select(f => new { f.Id, f.SortOrder, f.Title })
            .ToListAsync(cancellationToken);
        var filtered = Filter.Apply(db.Milestones.AsNoTracking(), today);
        var milestones = await filtered
            .Select(m => new { m.Id, m.Title, m.Timing, m.Status, m.PreconditionId, m.ForecastDate })
            .ToListAsync(cancellationToken);
        var ids = milestones.Select(m => m.Id).ToList();
        var links = ids.Count == 0 ? [] : await db.Milestones.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .SelectMany(m => m.FocusAreas, (m, f) => new { MilestoneId = m.Id, FocusAreaId = f.Id })
            .ToListAsync(cancellationToken);
        var lanesOf = links.ToLookup(l => l.MilestoneId, l => l.FocusAreaId);

        View = TimelineView.Build(
            focusAreas.Select(f => (f.Id, f.SortOrder, f.Title)),
            milestones.Select(m => new TimelineSource(m.Id, m.Title, m.Timing, m.Status, m.PreconditionId, m.ForecastDate, lanesOf[m.Id].ToList())).ToList(),
            Zoom,
            Filter.From,
            Filter.To,
            today,
            localizer["Timeline.NoFocusArea"],
            OverdueWord,
            show);
        FocusAreaOptions = focusAreas
            .Select(f => new SelectListItem($"{f.SortOrder}. {f.Title}", f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Id == Filter.FocusAreaId))
            .ToList();
        return Page();
    }

    /// <summary>The same filters with another zoom (and the period chosen, if any), for the zoom links.</summary>
    public IDictionary<string, string?> RouteValuesWith(TimelineZoom zoom, DateOnly? from = null, DateOnly? to = null)
    {
        var values = Filter.RouteValues();
        values.Remove("pageNumber");
        values.Remove("sort");
        values.Remove("descending");
        values["zoom"] = zoom.ToString();
        if (from is not null || to is not null)
        {
            values["from"] = from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            values["to"] = to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The window before the one shown, of the same length.</summary>
    public IDictionary<string, string?> EarlierRouteValues()
    {
        var months = Math.Max(1, TimelineChart.WindowMonths(Zoom) == 0 ? 12 : TimelineChart.WindowMonths(Zoom));
        return RouteValuesWith(Zoom, Layout.From.AddMonths(-months), Layout.From.AddDays(-1));
    }

    public IDictionary<string, string?> LaterRouteValues()
    {
        var months = Math.Max(1, TimelineChart.WindowMonths(Zoom) == 0 ? 12 : TimelineChart.WindowMonths(Zoom));
        return RouteValuesWith(Zoom, Layout.To.AddDays(1), Layout.To.AddMonths(months));
    }
}
