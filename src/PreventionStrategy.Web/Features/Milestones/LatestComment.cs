using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>The owner's latest words on each milestone, for lists that say why a milestone is at risk: the free comment, else the explanation's reason.</summary>
public static class LatestComment
{
    /// <summary>One SQL command for all of <paramref name="milestoneIds"/>, always one; milestones without a comment map to null.</summary>
    public static async Task<Dictionary<int, string?>> LoadAsync(AppDbContext db, IReadOnlyCollection<int> milestoneIds, CancellationToken cancellationToken)
    {
        // Asked even for no ids, so a page issues the same commands whatever its lists hold.
        return await db.Milestones.AsNoTracking()
            .Where(m => milestoneIds.Contains(m.Id))
            .Select(m => new
            {
                m.Id,
                Comment = m.StatusUpdates
                    .Where(u => (u.Comment != null && u.Comment != string.Empty) || u.Reason != null)
                    .OrderByDescending(u => u.UpdatedAtUtc).ThenByDescending(u => u.Id)
                    .Select(u => u.Comment != null && u.Comment != string.Empty ? u.Comment : u.Reason)
                    .FirstOrDefault(),
            })
            .ToDictionaryAsync(m => m.Id, m => m.Comment, cancellationToken);
    }
}
