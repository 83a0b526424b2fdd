using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.FocusAreas;

/// <summary>The status of focus areas for the web pages, by the same rule and override as the briefing. Two SQL commands however many areas.</summary>
public static class FocusAreaStandings
{
    public static async Task<Dictionary<int, FocusAreaStanding>> LoadAsync(AppDbContext db, IQueryable<FocusArea> areas, DateOnly today, CancellationToken cancellationToken)
    {
        var overrides = await OverridesAsync(areas, cancellationToken);
        var ids = overrides.Select(o => o.Id).ToList();
        return Combine(overrides, await CountsAsync(db.Milestones, ids, today, cancellationToken));
    }

    /// <summary>For a page that has already counted the areas' milestones with <see cref="CountsAsync"/>: one SQL command more.</summary>
    public static async Task<Dictionary<int, FocusAreaStanding>> LoadAsync(IQueryable<FocusArea> areas, IReadOnlyList<StateCount> counts, CancellationToken cancellationToken) =>
        Combine(await OverridesAsync(areas, cancellationToken), counts);

    /// <summary>
    /// Per focus area (the count's key), the milestones counted by status and by whether they are overdue: what the rule
    /// reads. Every focus area of <paramref name="milestones"/>, or only those in <paramref name="areaIds"/>.
    /// </summary>
    public static Task<List<StateCount>> CountsAsync(IQueryable<Milestone> milestones, IReadOnlyCollection<int>? areaIds, DateOnly today, CancellationToken cancellationToken)
    {
        var links = areaIds is null
            ? milestones.SelectMany(m => m.FocusAreas, (m, f) => new { FocusAreaId = f.Id, m.Status, m.ForecastDate, m.Timing.End })
            : milestones.SelectMany(m => m.FocusAreas.Where(f => areaIds.Contains(f.Id)), (m, f) => new { FocusAreaId = f.Id, m.Status, m.ForecastDate, m.Timing.End });
        return links.AsNoTracking()
            .GroupBy(x => new
            {
                x.FocusAreaId,
                x.Status,
                Overdue = x.Status != MilestoneStatus.Done && x.Status != MilestoneStatus.Cancelled && (x.ForecastDate ?? x.End) < today,
            })
            .Select(g => new StateCount(g.Key.FocusAreaId, g.Key.Status, g.Key.Overdue, g.Count()))
            .ToListAsync(cancellationToken);
    }

    private static Task<List<Override>> OverridesAsync(IQueryable<FocusArea> areas, CancellationToken cancellationToken) =>
        areas.AsNoTracking()
            .Select(f => new Override(f.Id, f.StatusOverride, f.StatusOverrideJustification, f.StatusOverrideByName, f.StatusOverrideAtUtc))
            .ToListAsync(cancellationToken);

    private static Dictionary<int, FocusAreaStanding> Combine(List<Override> overrides, IReadOnlyList<StateCount> counts) =>
        overrides.ToDictionary(
            o => o.Id,
            o => new FocusAreaStanding(
                FocusAreaStatusRule.Of(StrategyVerdict.Of(counts.Where(c => c.Key == o.Id))),
                o.Status,
                o.Justification,
                o.ByName,
                o.AtUtc));

    private sealed record Override(int Id, FocusAreaStatus? Status, string? Justification, string? ByName, DateTime? AtUtc);
}
