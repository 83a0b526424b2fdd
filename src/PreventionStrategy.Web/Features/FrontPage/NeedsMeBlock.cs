using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.FrontPage;

/// <summary>A department head's milestones that need them now, with the reason, most urgent first.</summary>
public sealed record NeedsMeBlock(IReadOnlyList<MilestoneRow> Rows, IReadOnlyDictionary<int, Attention> Reasons, int Count)
{
    public const int Limit = 15;

    /// <summary>Four SQL commands whatever the number of milestones.</summary>
    public static async Task<NeedsMeBlock> LoadAsync(AppDbContext db, string userId, int? unitId, DateOnly today, DateTime staleBefore, CancellationToken cancellationToken)
    {
        var requestedAt = await MilestoneAttention.UpdateRequestedAtAsync(db, userId, today, cancellationToken);
        var needing = MilestoneAttention.OwnedBy(db, userId, unitId)
            .Rank(today, staleBefore, requestedAt)
            .Where(m => m.Attention < Attention.None);
        var count = await needing.CountAsync(cancellationToken);
        var ranked = await needing.InAttentionOrder().Take(Limit).ToListAsync(cancellationToken);
        var ids = ranked.Select(r => r.Id).ToList();
        var byId = ids.Count == 0
            ? []
            : await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.Id)).ToRows().ToDictionaryAsync(r => r.Id, cancellationToken);
        return new NeedsMeBlock(ids.Select(id => byId[id]).ToList(), ranked.ToDictionary(r => r.Id, r => r.Attention), count);
    }
}
