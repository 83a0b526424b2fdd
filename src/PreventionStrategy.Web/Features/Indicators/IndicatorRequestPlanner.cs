using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>An indicator whose figure is due for a committee meeting, as the reporting request lists it.</summary>
public sealed record DueIndicator(int Id, string Name, PlannedTiming Period, string PeriodKey);

/// <summary>
/// The reporting duty: when a committee meeting's briefing deadline comes within the update-request window
/// (<see cref="ReminderOptions.UpdateRequestDaysBeforeDeadline"/>), the owner of every indicator of a strategy that
/// reports to that committee, whose figure for the last period ended before the deadline is missing, gets one e-mail
/// listing what is due, with links to the entry form. Once per owner and meeting: the delivery key says so, in the database.
/// </summary>
public sealed class IndicatorRequestPlanner(AppDbContext db, DeliveryQueue queue, TimeProvider clock, IOptions<ReminderOptions> options)
{
    private readonly ReminderOptions options = options.Value;

    public static string Key(int meetingId, string userId) => $"indicator-request:{meetingId}:{userId}";

    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var meetings = await db.CommitteeMeetings.AsNoTracking()
            .Where(m => m.BriefingDeadline >= today && m.BriefingDeadline <= today.AddDays(options.UpdateRequestDaysBeforeDeadline))
            .Select(m => new { m.Id, m.CommitteeId, m.BriefingDeadline })
            .ToListAsync(cancellationToken);
        meetings = meetings.Where(m => ReminderSchedule.DueUtc(m.BriefingDeadline, options.UpdateRequestDaysBeforeDeadline, options) <= nowUtc).ToList();
        if (meetings.Count == 0)
        {
            return 0;
        }

        var due = await DueByOwnerAsync(db, meetings.Select(m => (m.CommitteeId, m.BriefingDeadline)).ToList(), cancellationToken);
        var optedOut = (await db.ReminderOptOuts.AsNoTracking().Select(o => o.Email).ToListAsync(cancellationToken)).ToHashSet();
        var planned = new List<Delivery>();
        foreach (var meeting in meetings)
        {
            foreach (var owner in due.Where(d => d.CommitteeId == meeting.CommitteeId && d.Deadline == meeting.BriefingDeadline && !optedOut.Contains(OptOuts.Normalize(d.Email))))
            {
                planned.Add(new Delivery
                {
                    Key = Key(meeting.Id, owner.UserId),
                    Kind = DeliveryKind.IndicatorRequest,
                    CommitteeMeetingId = meeting.Id,
                    UserId = owner.UserId,
                    RecipientEmail = owner.Email,
                    RecipientName = owner.Name,
                    CreatedAtUtc = nowUtc,
                    NextAttemptAtUtc = nowUtc,
                });
            }
        }

        return await queue.AddAsync(planned, cancellationToken);
    }

    /// <summary>
    /// Per owner, committee and deadline: the indicators whose figure for the last period ended before the deadline is
    /// missing. Two queries whatever the number of indicators; used when planning and again when the message is composed.
    /// </summary>
    public static async Task<IReadOnlyList<OwnerDue>> DueByOwnerAsync(AppDbContext db, IReadOnlyList<(int CommitteeId, DateOnly Deadline)> meetings, CancellationToken cancellationToken, IReadOnlyCollection<string>? ownerIds = null)
    {
        var committeeIds = meetings.Select(m => m.CommitteeId).Distinct().ToList();
        var query = db.Indicators.AsNoTracking()
            .Where(i => i.OwnerId != null && i.Strategy!.CommitteeId != null && committeeIds.Contains(i.Strategy.CommitteeId.Value)
                && !i.Owner!.IsDisabled && i.Owner.Email != null);
        if (ownerIds is not null)
        {
            query = query.Where(i => ownerIds.Contains(i.OwnerId!));
        }

        var indicators = await query
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Name)
            .Select(i => new { i.Id, i.Name, i.Frequency, i.OwnerId, i.Owner!.Email, i.Owner.FullName, CommitteeId = i.Strategy!.CommitteeId!.Value })
            .ToListAsync(cancellationToken);
        if (indicators.Count == 0)
        {
            return [];
        }

        var wanted = meetings
            .SelectMany(m => indicators.Where(i => i.CommitteeId == m.CommitteeId).Select(i => (Meeting: m, Indicator: i, Period: IndicatorPeriods.LastEndedBefore(m.Deadline, i.Frequency))))
            .ToList();
        var ids = indicators.Select(i => i.Id).ToList();
        var keys = wanted.Select(w => IndicatorPeriods.Key(w.Period)).Distinct().ToList();
        var present = await FiguresPresent.LoadAsync(db, ids, keys, cancellationToken);

        return wanted
            .Where(w => !present.Contains((w.Indicator.Id, IndicatorPeriods.Key(w.Period))))
            .GroupBy(w => (w.Meeting.CommitteeId, w.Meeting.Deadline, w.Indicator.OwnerId!))
            .Select(g => new OwnerDue(
                g.Key.CommitteeId,
                g.Key.Deadline,
                g.Key.Item3,
                g.First().Indicator.Email!,
                g.First().Indicator.FullName,
                g.Select(w => new DueIndicator(w.Indicator.Id, w.Indicator.Name, w.Period, IndicatorPeriods.Key(w.Period))).ToList()))
            .ToList();
    }
}

public sealed record OwnerDue(int CommitteeId, DateOnly Deadline, string UserId, string Email, string Name, IReadOnlyList<DueIndicator> Indicators);
