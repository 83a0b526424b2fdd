using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// A set number of days before each committee meeting, sends the briefing of every active strategy
/// that reports to the committee: the newest one already issued for that meeting, else one it issues
/// itself (only as the meeting's first version, which the database lets one issue take). It records one delivery per committee member
/// with an address, sent by the reminder pipeline; the delivery names the version sent.
/// </summary>
public sealed class BriefingPlanner(AppDbContext db, BriefingArchive archive, DeliveryQueue queue, TimeProvider clock, IOptions<BriefingOptions> options, IOptions<ReminderOptions> reminders)
{
    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SendAutomatically)
        {
            return 0;
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var meetings = await db.CommitteeMeetings.AsNoTracking()
            .Where(m => m.MeetingDate >= today && m.MeetingDate <= today.AddDays(options.Value.DaysBeforeMeeting))
            .Select(m => new { m.Id, m.CommitteeId, m.MeetingDate })
            .ToListAsync(cancellationToken);
        meetings = meetings.Where(m => ReminderSchedule.DueUtc(m.MeetingDate, options.Value.DaysBeforeMeeting, reminders.Value) <= nowUtc).ToList();
        if (meetings.Count == 0)
        {
            return 0;
        }

        var committeeIds = meetings.Select(m => m.CommitteeId).Distinct().ToList();
        var strategies = await db.Strategies.AsNoTracking()
            .Where(s => s.Status == StrategyStatus.Active && s.CommitteeId != null && committeeIds.Contains(s.CommitteeId.Value))
            .Select(s => new { s.Id, CommitteeId = s.CommitteeId!.Value })
            .ToListAsync(cancellationToken);
        var members = (await db.Committees.AsNoTracking()
                .Where(c => committeeIds.Contains(c.Id))
                .Select(c => new { c.Id, Members = c.Members.Where(m => m.Email != null).Select(m => new { m.Email, m.Name }).ToList() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => c.Members);

        var planned = new List<Delivery>();
        foreach (var meeting in meetings)
        {
            foreach (var strategy in strategies.Where(s => s.CommitteeId == meeting.CommitteeId))
            {
                var key = $"auto:{strategy.Id}:{meeting.Id}";

                // A briefing already in the archive for this meeting (an administrator's, perhaps with remarks) is the one
                // sent: the job issues its own only when there is none, so no version stands beside the administrator's.
                var briefingId = await db.CommitteeBriefings.Where(b => b.AutomaticKey == key).Select(b => (int?)b.Id).SingleOrDefaultAsync(cancellationToken)
                    ?? await db.CommitteeBriefings.Where(b => b.StrategyId == strategy.Id && b.CommitteeMeetingId == meeting.Id)
                        .OrderByDescending(b => b.Version).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? (await archive.IssueAsync(strategy.Id, meeting.Id, null, null, BriefingArchive.AutomaticIssuer, key, cancellationToken))?.Id
                    ?? await NewestAsync(strategy.Id, meeting.Id, cancellationToken);

                planned.AddRange(members.GetValueOrDefault(meeting.CommitteeId, []).Select(member => new Delivery
                {
                    Key = $"briefing:{briefingId}:{OptOuts.Normalize(member.Email!)}",
                    Kind = DeliveryKind.Briefing,
                    CommitteeBriefingId = briefingId,
                    CommitteeMeetingId = meeting.Id,
                    RecipientEmail = member.Email!,
                    RecipientName = member.Name,
                    CreatedAtUtc = nowUtc,
                    NextAttemptAtUtc = nowUtc,
                }));
            }
        }

        return await queue.AddAsync(planned, cancellationToken);
    }

    // The archive refused the job's version: an administrator (or another run) issued one while the job drew its own.
    private Task<int> NewestAsync(int strategyId, int meetingId, CancellationToken cancellationToken) =>
        db.CommitteeBriefings.Where(b => b.StrategyId == strategyId && b.CommitteeMeetingId == meetingId)
            .OrderByDescending(b => b.Version).Select(b => b.Id).FirstAsync(cancellationToken);
}
