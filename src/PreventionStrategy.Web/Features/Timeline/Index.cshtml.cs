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
/// words. What it reads and lays out is one <see cref="TimelineData"/>, kept for every reader until the data changes.
/// </summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db, ReadModels readModels, Display show, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MilestoneFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public TimelineZoom Zoom { get; set; } = TimelineZoom.Quarter;

    /// <summary>
    /// Whether the table that says the chart in words is drawn (opened): on a long plan it is most of the page, so it is
    /// drawn when asked for, through a link that works without JavaScript.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public bool Table { get; set; }

    public StrategyHeading? Strategy { get; private set; }

    /// <summary>Whether the drawn chart is kept with the read model (else it is written straight into the page, without a copy).</summary>
    public bool KeepChart => readModels.Keeping;

    /// <summary>What the page reads and lays out, shared with every reader of the same filter, zoom and language.</summary>
    public TimelineData Data { get; private set; } = null!;

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

        var data = await readModels.GetAsync(
            TimelineData.Key(Filter, Zoom),
            today => TimelineData.LoadAsync(db, Filter, Zoom, today, localizer["Timeline.NoFocusArea"], OverdueWord, show, cancellationToken));
        if (data is null)
        {
            return Filter.StrategyId is null ? RedirectToPage("/Index") : NotFound();
        }

        Data = data;
        Strategy = data.Strategy;
        Filter.StrategyId = data.Strategy.Id;
        View = data.View;
        var focusAreas = data.FocusAreas;
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
        if (Table)
        {
            values["table"] = "true";
        }

        if (from is not null || to is not null)
        {
            values["from"] = from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            values["to"] = to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>This page with its table drawn and opened.</summary>
    public IDictionary<string, string?> TableRouteValues()
    {
        var values = RouteValuesWith(Zoom);
        values["table"] = "true";
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
