using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// What the calendars of a batch's recipients hold, re-read when the batch is composed: whether a
/// message must carry an invitation, and whether a cancellation is still right (the recipient may
/// have been invited again since it was planned, or a reminder's recipient removed).
/// </summary>
public sealed class HeldInvitations
{
    private readonly Dictionary<(int MilestoneId, string Email), SentInvitation> held;
    private readonly Dictionary<int, HashSet<string>> invitedNow;

    private HeldInvitations(Dictionary<(int, string), SentInvitation> held, Dictionary<int, HashSet<string>> invitedNow)
    {
        this.held = held;
        this.invitedNow = invitedNow;
    }

    public static async Task<HeldInvitations> ForBatchAsync(AppDbContext db, IReadOnlyList<Delivery> batch, IReadOnlyDictionary<int, Milestone> milestones, CancellationToken cancellationToken)
    {
        var events = batch.Where(d => d.MilestoneId != null && d.Kind is DeliveryKind.EventReminder or DeliveryKind.EventUpdate or DeliveryKind.EventCancellation).ToList();
        if (events.Count == 0)
        {
            return new HeldInvitations([], []);
        }

        var ids = events.Select(d => d.MilestoneId!.Value).Distinct().ToList();
        var emails = events.Select(d => OptOuts.Normalize(d.RecipientEmail)).Distinct().ToList();
        var rows = await db.SentInvitations.AsNoTracking()
            .Where(h => ids.Contains(h.MilestoneId) && emails.Contains(h.Email))
            .ToListAsync(cancellationToken);

        // Who each event invites now: a reminder planned for someone removed since is not sent, nor a cancellation
        // for someone invited again. Two queries for the whole batch.
        var invitedNow = new Dictionary<int, HashSet<string>>();
        var recipients = await EventRecipients.LoadAsync(db, cancellationToken);
        foreach (var id in ids)
        {
            {
                if (milestones.TryGetValue(id, out var milestone) && ReminderPlanner.InvitesNow(milestone))
                {
                    invitedNow[id] = recipients.For(milestone.Stakeholders).Select(r => OptOuts.Normalize(r.Email)).ToHashSet();
                }
            }
        }

        return new HeldInvitations(rows.ToDictionary(h => (h.MilestoneId, h.Email)), invitedNow);
    }

    public SentInvitation? Held(Delivery delivery) =>
        delivery.MilestoneId is { } id ? held.GetValueOrDefault((id, OptOuts.Normalize(delivery.RecipientEmail))) : null;

    public bool StillInvited(Delivery delivery) =>
        delivery.MilestoneId is { } id && invitedNow.TryGetValue(id, out var emails) && emails.Contains(OptOuts.Normalize(delivery.RecipientEmail));
}
