using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>
/// Records deliveries before anything is sent. The unique key makes it idempotent: a delivery
/// planned twice (the job run twice, or on two servers at once) is stored once.
/// </summary>
public sealed class DeliveryQueue(AppDbContext db)
{
    /// <returns>How many were new.</returns>
    public async Task<int> AddAsync(IReadOnlyCollection<Delivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return 0;
        }

        var unique = deliveries.DistinctBy(d => d.Key).ToList();
        var keys = unique.Select(d => d.Key).ToList();
        var existing = await db.Deliveries.Where(d => keys.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken);
        var fresh = unique.Where(d => !existing.Contains(d.Key)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        db.Deliveries.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return fresh.Count;
        }
        catch (DbUpdateException exception) when (!DatabaseBusy.IsStorageFault(exception))
        {
            // Another run stored some of the same keys in the meantime: store the rest one by one.
            db.ChangeTracker.Clear();
        }

        var added = 0;
        foreach (var delivery in fresh)
        {
            delivery.Id = 0;
            db.Deliveries.Add(delivery);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException exception) when (!DatabaseBusy.IsStorageFault(exception))
            {
                // Already stored by the other run: that row is the one that will be sent.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return added;
    }
}
