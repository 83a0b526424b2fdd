using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.FrontPage;

/// <summary>
/// For administrators: per strategy the owners who have not updated an open milestone for a while, and across
/// the site the emails that could not be delivered (failed, or still being retried). The overdue counts come
/// from <see cref="Plans.StrategyVerdict"/>, as everywhere.
/// </summary>
public sealed record HealthBlock(IReadOnlyDictionary<int, IReadOnlyList<string>> SilentOwners, int FailedDeliveries, int RetryingDeliveries)
{
    /// <summary>Two SQL commands whatever the size of the plans and the outbox.</summary>
    public static async Task<HealthBlock> LoadAsync(AppDbContext db, DateTime staleBefore, CancellationToken cancellationToken)
    {
        var silent = await db.Milestones.AsNoTracking()
            .Where(m => m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled && m.Owner != null
                && (m.LastStatusUpdateAtUtc == null || m.LastStatusUpdateAtUtc < staleBefore))
            .Select(m => new { m.StrategyId, m.Owner!.FullName })
            .Distinct()
            .ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Failed || (d.State == DeliveryState.Pending && d.Attempts > 0))
            .GroupBy(d => d.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new HealthBlock(
            silent.GroupBy(s => s.StrategyId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(s => s.FullName).Order(StringComparer.CurrentCulture).ToList()),
            deliveries.Where(d => d.State == DeliveryState.Failed).Sum(d => d.Count),
            deliveries.Where(d => d.State == DeliveryState.Pending).Sum(d => d.Count));
    }
}
