using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// Before each committee meeting's briefing deadline, asks the owners of open milestones in the
/// strategies that report to that committee to update their status; on the day before the
/// deadline, asks once more those who have not updated since the first request.
/// </summary>
public sealed class UpdateRequestPlanner(AppDbContext db, DeliveryQueue queue, TimeProvider clock, IOptions<ReminderOptions> options)
{
    private readonly ReminderOptions options = options.Value;

    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var meetings = await db.CommitteeMeetings.AsNoTracking()
            .Where(m => m.BriefingDeadline >= today && m.BriefingDeadline <= today.AddDays(options.UpdateRequestDaysBeforeDeadline))
            .Select(m => new { m.Id, m.CommitteeId, m.BriefingDeadline })
            .ToListAsync(cancellationToken);
        if (meetings.Count == 0)
        {
            return 0;
        }

        var committeeIds = meetings.Select(m => m.CommitteeId).Distinct().ToList();
        var owned = await db.Milestones.AsNoTracking()
            .Where(m => m.OwnerId != null
                && m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled
                && m.Strategy!.CommitteeId != null && committeeIds.Contains(m.Strategy.CommitteeId.Value)
                && !m.Owner!.IsDisabled && m.Owner.Email != null)
            .Select(m => new { CommitteeId = m.Strategy!.CommitteeId!.Value, m.OwnerId, m.Owner!.Email, m.Owner.FullName, m.LastStatusUpdateAtUtc })
            .ToListAsync(cancellationToken);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var firstRequests = await db.Deliveries.AsNoTracking()
            .Where(d => d.Kind == DeliveryKind.UpdateRequest && d.State == DeliveryState.Sent && meetingIds.Contains(d.CommitteeMeetingId!.Value))
            .Select(d => new { d.CommitteeMeetingId, d.UserId, d.SentAtUtc })
            .ToListAsync(cancellationToken);
        var optedOut = (await db.ReminderOptOuts.AsNoTracking().Select(o => o.Email).ToListAsync(cancellationToken)).ToHashSet();

        var planned = new List<Delivery>();
        foreach (var meeting in meetings)
        {
            var owners = owned.Where(o => o.CommitteeId == meeting.CommitteeId && !optedOut.Contains(OptOuts.Normalize(o.Email!)))
                .GroupBy(o => o.OwnerId!)
                .Select(g => (UserId: g.Key, Email: g.First().Email!, Name: g.First().FullName, LastUpdates: g.Select(o => o.LastStatusUpdateAtUtc).ToList()))
                .ToList();

            if (ReminderSchedule.DueUtc(meeting.BriefingDeadline, options.UpdateRequestDaysBeforeDeadline, options) <= nowUtc)
            {
                planned.AddRange(owners.Select(o => NewDelivery(DeliveryKind.UpdateRequest, $"update-request:{meeting.Id}:{o.UserId}", meeting.Id, o, nowUtc)));
            }

            var followUpDue = ReminderSchedule.DueUtc(meeting.BriefingDeadline, 1, options);
            if (followUpDue <= nowUtc)
            {
                // Only after a first request that went out before the follow-up day: asking twice within minutes helps nobody.
                var askedAt = firstRequests.Where(r => r.CommitteeMeetingId == meeting.Id && r.SentAtUtc < followUpDue)
                    .ToDictionary(r => r.UserId!, r => r.SentAtUtc!.Value);
                planned.AddRange(owners
                    .Where(o => askedAt.TryGetValue(o.UserId, out var at) && o.LastUpdates.Any(updated => !(updated >= at)))
                    .Select(o => NewDelivery(DeliveryKind.UpdateRequestFollowUp, $"update-request-2:{meeting.Id}:{o.UserId}", meeting.Id, o, nowUtc)));
            }
        }

        return await queue.AddAsync(planned, cancellationToken);
    }

    private static Delivery NewDelivery(DeliveryKind kind, string key, int meetingId, (string UserId, string Email, string Name, List<DateTime?> LastUpdates) owner, DateTime nowUtc) => new()
    {
        Key = key,
        Kind = kind,
        CommitteeMeetingId = meetingId,
        UserId = owner.UserId,
        RecipientEmail = owner.Email,
        RecipientName = owner.Name,
        CreatedAtUtc = nowUtc,
        NextAttemptAtUtc = nowUtc,
    };
}
