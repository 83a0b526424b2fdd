using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// Finds the event reminders, updates and cancellations due now and records them as deliveries.
/// It reads only the database, so a restart, a missed run or a second server changes nothing: the
/// next run finds the same due occasions, and the unique keys keep them single.
/// </summary>
public sealed class ReminderPlanner(AppDbContext db, DeliveryQueue queue, TimeProvider clock, IOptions<ReminderOptions> options)
{
    private static readonly DeliveryKind[] InvitationKinds = [DeliveryKind.EventReminder, DeliveryKind.EventUpdate];

    private readonly ReminderOptions options = options.Value;

    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var horizon = today.AddDays(ReminderSchedule.MaxDaysBefore + 1);

        // Archived and cancelled events are read too: those already invited must hear they are off.
        var events = await db.Milestones.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Timing.Date != null && m.Timing.Date >= today && m.Timing.Date <= horizon)
            .Include(m => m.Stakeholders)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var ids = events.Select(m => m.Id).ToList();
        var sent = (await db.Deliveries.AsNoTracking()
                .Where(d => d.MilestoneId != null && ids.Contains(d.MilestoneId.Value))
                .Select(d => new SentBefore(d.MilestoneId!.Value, d.Kind, d.State, d.RecipientEmail, d.RecipientName, d.EventSequence))
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.MilestoneId);
        var optedOut = (await db.ReminderOptOuts.AsNoTracking().Select(o => o.Email).ToListAsync(cancellationToken)).ToHashSet();
        var recipients = await EventRecipients.LoadAsync(db, cancellationToken);

        var planned = new List<Delivery>();
        foreach (var milestone in events)
        {
            var date = milestone.Timing.Date!.Value;
            if (nowUtc >= ReminderSchedule.EventStartUtc(date, milestone.Timing.StartTime))
            {
                continue;
            }

            var history = sent[milestone.Id].ToList();
            var invited = history
                .Where(d => InvitationKinds.Contains(d.Kind) && d.State == DeliveryState.Sent)
                .GroupBy(d => OptOuts.Normalize(d.RecipientEmail))
                .Select(g => (Email: g.First().RecipientEmail, Name: g.First().RecipientName, Sequence: g.Max(d => d.EventSequence ?? 0)))
                .ToList();

            if (milestone.Status == MilestoneStatus.Cancelled || milestone.IsArchived)
            {
                planned.AddRange(invited.Select(i => NewDelivery(DeliveryKind.EventCancellation, $"cancel:{milestone.Id}:{OptOuts.Normalize(i.Email)}", milestone.Id, i.Email, i.Name, nowUtc)));
                continue;
            }

            if (!ReminderSchedule.HasReminders(milestone, options))
            {
                continue;
            }

            // The date, time or place moved after an invitation went out: send the new one.
            planned.AddRange(invited
                .Where(i => i.Sequence < milestone.EventSequence && !optedOut.Contains(OptOuts.Normalize(i.Email)))
                .Select(i => NewDelivery(DeliveryKind.EventUpdate, $"update:{milestone.Id}:{milestone.EventSequence}:{OptOuts.Normalize(i.Email)}", milestone.Id, i.Email, i.Name, nowUtc)));

            if (ReminderSchedule.DueNow(date, milestone.Timing.StartTime, ReminderSchedule.DaysBefore(milestone, options), nowUtc, options) is { } daysBefore)
            {
                foreach (var recipient in recipients.For(milestone.Stakeholders).Where(r => !optedOut.Contains(OptOuts.Normalize(r.Email))))
                {
                    var delivery = NewDelivery(DeliveryKind.EventReminder, $"reminder:{milestone.Id}:{daysBefore}:{OptOuts.Normalize(recipient.Email)}", milestone.Id, recipient.Email, recipient.Name, nowUtc);
                    delivery.DaysBefore = daysBefore;
                    planned.Add(delivery);
                }
            }
        }

        return await queue.AddAsync(planned, cancellationToken);
    }

    private static Delivery NewDelivery(DeliveryKind kind, string key, int milestoneId, string email, string? name, DateTime nowUtc) => new()
    {
        Key = key,
        Kind = kind,
        MilestoneId = milestoneId,
        RecipientEmail = email,
        RecipientName = name,
        CreatedAtUtc = nowUtc,
        NextAttemptAtUtc = nowUtc,
    };

    private sealed record SentBefore(int MilestoneId, DeliveryKind Kind, DeliveryState State, string RecipientEmail, string? RecipientName, int? EventSequence);
}
