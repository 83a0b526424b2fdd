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
/// <remarks>
/// Two things are compared: who the event invites now with who holds an invitation
/// (<see cref="SentInvitation"/>), and the event's date, time and place with what they hold. Each
/// key names the occasion it is for — a reminder its event date, an update or cancellation the
/// SEQUENCE it replaces — so a moved event gets reminders for its new date, and a second change
/// is a second message.
/// </remarks>
public sealed class ReminderPlanner(AppDbContext db, DeliveryQueue queue, TimeProvider clock, IOptions<ReminderOptions> options)
{
    private readonly ReminderOptions options = options.Value;

    /// <summary>The event is on: dated, not cancelled, not archived. Its invitations stand, and new invitees get one.</summary>
    public static bool InvitesNow(Milestone milestone) =>
        milestone.Timing.Date is not null && milestone.Status != MilestoneStatus.Cancelled && !milestone.IsArchived;

    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var horizon = today.AddDays(ReminderSchedule.MaxDaysBefore + 1);

        // Events whose invitations still stand in someone's calendar are read wherever they went (deleted,
        // archived, moved beyond the horizon or undated): those invitations must be cancelled or moved.
        var standing = await db.SentInvitations.AsNoTracking()
            .Where(h => !h.Cancelled && h.Date >= today)
            .Select(h => h.MilestoneId).Distinct().ToListAsync(cancellationToken);
        var events = await db.Milestones.IgnoreQueryFilters().AsNoTracking()
            .Where(m => (m.Timing.Date != null && m.Timing.Date >= today && m.Timing.Date <= horizon) || standing.Contains(m.Id))
            .Include(m => m.Stakeholders)
            .AsSplitQuery()
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var ids = events.Keys.Union(standing).ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        var held = (await db.SentInvitations.AsNoTracking().Where(h => ids.Contains(h.MilestoneId)).ToListAsync(cancellationToken))
            .ToLookup(h => h.MilestoneId);
        var optedOut = await db.ReminderOptOuts.AsNoTracking().ToDictionaryAsync(o => o.Email, o => o.AlsoInvitationChanges, cancellationToken);
        var recipients = await EventRecipients.LoadAsync(db, cancellationToken);

        var planned = new List<Delivery>();
        foreach (var id in ids)
        {
            planned.AddRange(Plan(id, events.GetValueOrDefault(id), held[id].ToDictionary(h => h.Email), recipients, optedOut, nowUtc));
        }

        return await queue.AddAsync(planned, cancellationToken);
    }

    private IEnumerable<Delivery> Plan(int id, Milestone? milestone, Dictionary<string, SentInvitation> held, EventRecipients recipients, Dictionary<string, bool> optedOut, DateTime nowUtc)
    {
        bool Stops(DeliveryKind kind, string email) => OptOuts.Stops(kind, optedOut.TryGetValue(email, out var also) ? also : null);

        // Switched off after invitations went out: they are left as they are, neither moved nor cancelled.
        if (milestone is not null && InvitesNow(milestone) && !ReminderSchedule.HasReminders(milestone, options))
        {
            yield break;
        }

        var invited = milestone is not null && InvitesNow(milestone)
            ? recipients.For(milestone.Stakeholders).ToDictionary(r => OptOuts.Normalize(r.Email))
            : [];

        // Everyone holding a standing invitation the event no longer gives them: deleted, cancelled, or they were removed.
        foreach (var (email, invitation) in held)
        {
            if (!invitation.Cancelled && !invited.ContainsKey(email)
                && nowUtc < ReminderSchedule.EventStartUtc(invitation.Date, invitation.StartTime)
                && !Stops(DeliveryKind.EventCancellation, email))
            {
                yield return NewDelivery(DeliveryKind.EventCancellation, $"cancel:{id}:{invitation.Sequence}:{email}", id, email, invitation.RecipientName, nowUtc);
            }
        }

        if (milestone?.Timing.Date is not { } date || invited.Count == 0 || nowUtc >= ReminderSchedule.EventStartUtc(date, milestone.Timing.StartTime))
        {
            yield break;
        }

        var due = ReminderSchedule.DueNow(date, milestone.Timing.StartTime, ReminderSchedule.DaysBefore(milestone, options), nowUtc, options);
        foreach (var (email, recipient) in invited)
        {
            var invitation = held.GetValueOrDefault(email);

            // Their calendar holds a cancelled or outdated invitation: one message, the update, says when the event
            // is now. A reminder falling due meanwhile is left out; the update covers it (see below).
            if (invitation is not null && (invitation.Cancelled || invitation.EventDetails != milestone.EventDetails))
            {
                if (!Stops(DeliveryKind.EventUpdate, email))
                {
                    yield return NewDelivery(DeliveryKind.EventUpdate, $"update:{id}:{invitation.Sequence}:{email}", id, recipient.Email, recipient.Name, nowUtc);
                }

                continue;
            }

            // Covered: a message about this very date reached them after this reminder fell due (the update after a move).
            if (due is not { } days || Stops(DeliveryKind.EventReminder, email)
                || (invitation is not null && invitation.Date == date && invitation.LastSentAtUtc >= ReminderSchedule.DueUtc(date, days, options)))
            {
                continue;
            }

            var reminder = NewDelivery(DeliveryKind.EventReminder, $"reminder:{id}:{date:yyyy-MM-dd}:{days}:{email}", id, recipient.Email, recipient.Name, nowUtc);
            reminder.DaysBefore = days;
            reminder.EventDate = date;
            yield return reminder;
        }
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
}
