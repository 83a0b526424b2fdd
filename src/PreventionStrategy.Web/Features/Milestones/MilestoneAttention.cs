using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// Why a person's milestone needs them, one rule for <c>Mine milepæle</c> and the front page: overdue, then
/// at risk or delayed, then an update the committee's secretariat asked for and not yet given, then no
/// update for a while.
/// </summary>
public static class MilestoneAttention
{
    /// <summary>What the person owns, and their unit's.</summary>
    public static IQueryable<Milestone> OwnedBy(AppDbContext db, string? userId, int? unitId) => db.Milestones.AsNoTracking()
        .Where(m => m.OwnerId == userId || (unitId != null && m.Owner != null && m.Owner.UnitId == unitId));

    /// <summary>When the person was last asked to update before a meeting still to come, or null.</summary>
    public static Task<DateTime?> UpdateRequestedAtAsync(AppDbContext db, string? userId, DateOnly today, CancellationToken cancellationToken) =>
        db.Deliveries.AsNoTracking()
            .Where(d => (d.Kind == DeliveryKind.UpdateRequest || d.Kind == DeliveryKind.UpdateRequestFollowUp)
                && d.UserId == userId
                && d.State != DeliveryState.Skipped
                && db.CommitteeMeetings.Any(c => c.Id == d.CommitteeMeetingId && c.MeetingDate >= today))
            .MaxAsync(d => (DateTime?)d.CreatedAtUtc, cancellationToken);

    public static IQueryable<RankedMilestone> Rank(this IQueryable<Milestone> milestones, DateOnly today, DateTime staleBefore, DateTime? requestedAt) =>
        milestones.Select(m => new RankedMilestone
        {
            Id = m.Id,
            Title = m.Title,
            Attention = m.Status == MilestoneStatus.Done || m.Status == MilestoneStatus.Cancelled ? Attention.Closed
            : (m.ForecastDate ?? m.Timing.End) < today ? Attention.Overdue
            : m.Status == MilestoneStatus.AtRisk || m.Status == MilestoneStatus.Delayed ? Attention.AtRisk
            : requestedAt != null && (m.LastStatusUpdateAtUtc == null || m.LastStatusUpdateAtUtc < requestedAt) ? Attention.UpdateRequested
            : m.LastStatusUpdateAtUtc == null || m.LastStatusUpdateAtUtc < staleBefore ? Attention.NoRecentUpdate
            : Attention.None,
            ExpectedBy = m.ForecastDate ?? m.Timing.End,
        });

    /// <summary>Most urgent first, then by date, then title.</summary>
    public static IOrderedQueryable<RankedMilestone> InAttentionOrder(this IQueryable<RankedMilestone> ranked) =>
        ranked.OrderBy(m => m.Attention).ThenBy(m => m.ExpectedBy).ThenBy(m => m.Title).ThenBy(m => m.Id);
}

// Properties set by an initialiser, not a constructor, so EF Core can order by them in SQL.
public sealed class RankedMilestone
{
    public int Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public Attention Attention { get; init; }

    public DateOnly ExpectedBy { get; init; }
}

/// <summary>Why a milestone is on top of "Mine milepæle", in the order they are shown.</summary>
public enum Attention
{
    Overdue,
    AtRisk,
    UpdateRequested,
    NoRecentUpdate,
    None,
    Closed,
}
