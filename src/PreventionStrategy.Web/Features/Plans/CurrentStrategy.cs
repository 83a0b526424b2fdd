using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Plans;

public sealed record StrategyHeading(int Id, string Name, string Municipality, string Division);

/// <summary>
/// The strategy a page is about: the one asked for, or else the first active one, so pages work
/// from the menu without an id when the site runs a single strategy.
/// </summary>
public static class CurrentStrategy
{
    public static Task<StrategyHeading?> FindAsync(AppDbContext db, int? strategyId, CancellationToken cancellationToken = default)
    {
        var strategies = db.Strategies.AsNoTracking();
        var query = strategyId is { } id
            ? strategies.Where(s => s.Id == id)
            : strategies.OrderBy(s => s.Status == StrategyStatus.Active ? 0 : 1).ThenBy(s => s.Id);
        return query.Select(s => new StrategyHeading(s.Id, s.Name, s.Municipality, s.Division)).FirstOrDefaultAsync(cancellationToken);
    }
}
