using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.FrontPage;

/// <summary>For committee members: per strategy reporting to a committee, its latest issued briefing and the committee's next meeting.</summary>
public sealed record CommitteeBlock(IReadOnlyList<CommitteeItem> Items)
{
    /// <summary>Three SQL commands whatever the number of strategies, briefings and meetings.</summary>
    public static async Task<CommitteeBlock> LoadAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var strategies = await db.Strategies.AsNoTracking()
            .Where(s => s.CommitteeId != null)
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, CommitteeId = s.CommitteeId!.Value, CommitteeName = s.Committee!.Name })
            .ToListAsync(cancellationToken);
        var latest = await db.CommitteeBriefings.AsNoTracking()
            .Where(b => b.Id == db.CommitteeBriefings.Where(o => o.StrategyId == b.StrategyId).Max(o => o.Id))
            .Select(b => new LatestBriefing(b.StrategyId, b.Id, b.Title, b.FileName, b.IssuedAtUtc))
            .ToListAsync(cancellationToken);
        var next = await db.CommitteeMeetings.AsNoTracking()
            .Where(m => m.MeetingDate >= today)
            .GroupBy(m => m.CommitteeId)
            .Select(g => new { CommitteeId = g.Key, Date = g.Min(m => m.MeetingDate) })
            .ToListAsync(cancellationToken);
        return new CommitteeBlock(strategies
            .Select(s => new CommitteeItem(
                s.Id,
                s.Name,
                s.CommitteeName,
                latest.FirstOrDefault(b => b.StrategyId == s.Id),
                next.Where(n => n.CommitteeId == s.CommitteeId).Select(n => (DateOnly?)n.Date).FirstOrDefault()))
            .ToList());
    }
}

public sealed record CommitteeItem(int StrategyId, string StrategyName, string CommitteeName, LatestBriefing? Briefing, DateOnly? NextMeeting);

public sealed record LatestBriefing(int StrategyId, int Id, string Title, string FileName, DateTime IssuedAtUtc);
