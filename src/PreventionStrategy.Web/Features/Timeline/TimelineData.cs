using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Timeline;

/// <summary>
/// What the timeline page reads and lays out for a strategy, a filter and a zoom, the same for every reader in a
/// language, so it is kept as one read model (<see cref="PageCache.ReadModels"/>). Four SQL commands whatever the
/// size of the plan: the strategy, its focus areas, the filtered milestones and their focus areas.
/// </summary>
public sealed record TimelineData(StrategyHeading Strategy, IReadOnlyList<FocusAreaTag> FocusAreas, TimelineView View)
{
    /// <summary>
    /// The chart's SVG as the page drew it the first time, kept with the model: it holds nothing of the reader (no
    /// form, no token, no name), so every later reader of the same model gets the same markup without drawing it.
    /// Two readers drawing it at once both write the same text.
    /// </summary>
    public string? DrawnChart { get; set; }

    /// <summary>The read model's key: everything <see cref="LoadAsync"/> depends on besides the data and the day.</summary>
    public static string Key(MilestoneFilter filter, TimelineZoom zoom) => string.Join(
        '|',
        "timeline",
        CultureInfo.CurrentCulture.Name,
        CultureInfo.CurrentUICulture.Name,
        zoom,
        filter.ReadModelKey(listOrder: false));

    /// <summary>Null when the strategy asked for (or, without one, any strategy) does not exist.</summary>
    /// <param name="filter">Already cleaned of values that could not be used; its strategy is set to the one found.</param>
    public static async Task<TimelineData?> LoadAsync(
        AppDbContext db, MilestoneFilter filter, TimelineZoom zoom, DateOnly today, string noFocusAreaLabel, string overdueWord, Display show, CancellationToken cancellationToken)
    {
        var strategy = await CurrentStrategy.FindAsync(db, filter.StrategyId, cancellationToken);
        if (strategy is null)
        {
            return null;
        }

        filter.StrategyId = strategy.Id;
        var focusAreas = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == strategy.Id)
            .OrderBy(f => f.SortOrder)
            .Select(f => new FocusAreaTag(f.Id, f.SortOrder, f.Title))
            .ToListAsync(cancellationToken);
        var milestones = await filter.Apply(db.Milestones.AsNoTracking(), today)
            .Select(m => new { m.Id, m.Title, m.Timing, m.Status, m.PreconditionId, m.ForecastDate })
            .ToListAsync(cancellationToken);
        var ids = milestones.Select(m => m.Id).ToList();
        var links = ids.Count == 0 ? [] : await db.Milestones.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .SelectMany(m => m.FocusAreas, (m, f) => new { MilestoneId = m.Id, FocusAreaId = f.Id })
            .ToListAsync(cancellationToken);
        var lanesOf = links.ToLookup(l => l.MilestoneId, l => l.FocusAreaId);

        var view = TimelineView.Build(
            focusAreas.Select(f => (f.Id, f.SortOrder, f.Title)),
            milestones.Select(m => new TimelineSource(m.Id, m.Title, m.Timing, m.Status, m.PreconditionId, m.ForecastDate, lanesOf[m.Id].ToList())).ToList(),
            zoom,
            filter.From,
            filter.To,
            today,
            noFocusAreaLabel,
            overdueWord,
            show);
        return new TimelineData(strategy, focusAreas, view);
    }
}
