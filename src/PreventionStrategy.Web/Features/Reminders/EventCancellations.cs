using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// The cancellation of an invitation someone holds: the event is cancelled, archived or deleted,
/// or they are no longer among those invited. Written from what their calendar holds
/// (<see cref="SentInvitation"/>), not from the milestone, so it works after the row is deleted;
/// it names the same organiser and carries a higher SEQUENCE than the invitation it cancels.
/// </summary>
public sealed class EventCancellations(MailTransport transport, OptOutLinks optOutLinks, IOptions<SiteOptions> site)
{
    private readonly string baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');

    /// <param name="stillInvited">The recipient is among those the (still planned) event invites now.</param>
    public Composition Compose(Delivery delivery, Milestone? milestone, SentInvitation? held, bool stillInvited, DateTime nowUtc)
    {
        if (held is null || held.Cancelled)
        {
            return Composition.Skip("Modtageren har ingen invitation, der skal aflyses.");
        }

        if (stillInvited)
        {
            return Composition.Skip("Modtageren er inviteret igen.");
        }

        if (nowUtc >= ReminderSchedule.EventStartUtc(held.Date, held.StartTime))
        {
            return Composition.Skip("Begivenheden er begyndt eller overstået.");
        }

        var sender = transport.Sender;
        var state = InvitationSent.From(held) with
        {
            Sequence = Math.Max(held.Sequence + 1, milestone?.EventSequence ?? 0),
            Cancelled = true,
            OrganizerEmail = held.OrganizerEmail is { Length: > 0 } organizer ? organizer : sender.Address,
            OrganizerName = held.OrganizerEmail is { Length: > 0 } ? held.OrganizerName : sender.Name,
        };

        // Only the recipient dropped from a planned event: the event itself is not off.
        var eventGoesOn = milestone is { IsArchived: false } && milestone.Status != MilestoneStatus.Cancelled && milestone.Timing.Date is not null;
        var day = DanishWords.Day(held.Date);
        var (subject, heading, lead) = eventGoesOn
            ? ($"Ikke længere inviteret: {held.Title}", $"Du er ikke længere inviteret til {held.Title}",
                $"Du er ikke længere med blandt de inviterede til {held.Title} {day}. Invitationen i din kalender bliver fjernet.")
            : ($"Aflyst: {held.Title}", $"{held.Title} er aflyst", $"{held.Title} {day} er aflyst. Invitationen i din kalender bliver fjernet.");

        var link = milestone is null ? null : $"{baseUrl}/Milestones/Details/{milestone.Id}";
        var optOut = optOutLinks.For(delivery.RecipientEmail, MailLists.Of(delivery.Kind) ?? MailList.EventReminders);
        var body = new MailBody(heading)
            .Greeting(delivery.RecipientName)
            .Paragraph(lead)
            .Facts(
                ("Hvad", held.Title),
                ("Hvornår", DanishWords.When(held.Date, held.StartTime, held.EndTime)),
                ("Hvor", held.Location));
        if (link is not null)
        {
            body.Link("Se milepælen", link);
        }

        body.Footer("Du får denne mail, fordi du havde en invitation til begivenheden i din kalender.", "Afmeld påmindelser", optOut);

        var invitation = EventInvitation.Create(state, null, link, new Uri(baseUrl).Host, sender.Address, delivery.RecipientEmail, nowUtc);
        var message = DeliveryMail.Create(sender, delivery, subject, optOut);
        message.Body = InvitationMail.Body(body, invitation, cancel: true);
        return Composition.Send(message, state.Sequence, state);
    }
}
