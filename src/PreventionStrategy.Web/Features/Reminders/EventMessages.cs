using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// The reminder and update emails for an event. Composed from the milestone as it is when sent,
/// so a reminder queued before a change already carries the new time and place; what the
/// recipient's calendar already holds (<see cref="SentInvitation"/>) decides whether the message
/// carries an invitation and with which SEQUENCE.
/// </summary>
public sealed class EventMessages(MailTransport transport, OptOutLinks optOutLinks, Display show, IOptions<SiteOptions> site, IOptions<ReminderOptions> options)
{
    private readonly string baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');

    /// <param name="stillInvited">The recipient is among those the event invites now.</param>
    public Composition Compose(Delivery delivery, Milestone? milestone, SentInvitation? held, bool stillInvited, DateTime nowUtc)
    {
        if (milestone?.Timing.Date is not { } date)
        {
            return Composition.Skip("Milepælen findes ikke længere eller har ikke længere en dato.");
        }

        if (nowUtc >= ReminderSchedule.EventStartUtc(date, milestone.Timing.StartTime))
        {
            return Composition.Skip("Begivenheden er begyndt eller overstået.");
        }

        if (milestone.Status == MilestoneStatus.Cancelled || milestone.IsArchived)
        {
            return Composition.Skip("Begivenheden er aflyst.");
        }

        if (!ReminderSchedule.HasReminders(milestone, options.Value))
        {
            return Composition.Skip("Påmindelser er slået fra for milepælen.");
        }

        if (!stillInvited)
        {
            return Composition.Skip("Modtageren er ikke længere inviteret.");
        }

        // A reminder belongs to the date it was planned for; the new date gets its own.
        if (delivery.Kind == DeliveryKind.EventReminder && delivery.EventDate is { } plannedFor && plannedFor != date)
        {
            return Composition.Skip("Begivenheden er flyttet; påmindelsen gjaldt den gamle dato.");
        }

        // The calendar needs a (new) invitation when it holds none, a cancelled one, or old details.
        var calendarBehind = held is null || held.Cancelled || held.EventDetails != milestone.EventDetails;
        if (delivery.Kind == DeliveryKind.EventUpdate && !calendarBehind)
        {
            return Composition.Skip("Kalenderen har allerede de gældende oplysninger.");
        }

        var sender = transport.Sender;
        var (organizerEmail, organizerName) = milestone.Owner is { Email: { Length: > 0 } ownerEmail } owner
            ? (ownerEmail, owner.FullName)
            : (sender.Address, sender.Name ?? sender.Address);
        var state = calendarBehind
            ? new InvitationSent(milestone.Id, held is null ? milestone.EventSequence : Math.Max(milestone.EventSequence, held.Sequence + 1), false,
                milestone.Title, date, milestone.Timing.StartTime, milestone.Timing.EndTime, milestone.Location, organizerEmail, organizerName)
            : InvitationSent.From(held!);

        // Said as it is when the message leaves (a reminder sent late says "i morgen", not "om 3 dage").
        var daysAway = date.DayNumber - DateOnly.FromDateTime(DanishTime.FromUtc(nowUtc)).DayNumber;
        var link = $"{baseUrl}/Milestones/Details/{milestone.Id}";
        var reopened = held is { Cancelled: true };
        var (subject, heading, lead) = delivery.Kind switch
        {
            // Said so that it fits both ways the invitation was cancelled: the event was off, or they were taken off it.
            DeliveryKind.EventUpdate when reopened => (
                $"Inviteret igen: {milestone.Title} – {DanishWords.When(milestone)}",
                $"Du er inviteret igen til {milestone.Title}",
                "Invitationen blev aflyst, men nu gælder den igen. Her er oplysningerne; begivenheden kommer i din kalender igen."),
            DeliveryKind.EventUpdate => (
                $"Ændret: {milestone.Title} – {DanishWords.When(milestone)}",
                $"{milestone.Title} er ændret",
                "Tidspunktet eller stedet er ændret. Her er de nye oplysninger; invitationen i din kalender bliver opdateret."),
            _ => (
                $"Påmindelse: {milestone.Title} {DanishWords.InDays(daysAway)} – {DanishWords.Day(date)}",
                $"Påmindelse: {milestone.Title}",
                $"Du deltager i {milestone.Title} {DanishWords.InDays(daysAway)}."),
        };

        var optOut = optOutLinks.For(delivery.RecipientEmail, MailLists.Of(delivery.Kind) ?? MailList.EventReminders);
        var body = new MailBody(heading)
            .Greeting(delivery.RecipientName)
            .Paragraph(lead)
            .Facts(
                ("Hvad", $"{show.Enum(milestone.Kind)}: {milestone.Title}"),
                ("Hvornår", DanishWords.When(milestone)),
                ("Hvor", milestone.Location ?? "Stedet er ikke fastlagt endnu."),
                ("Formål", milestone.Description),
                ("Strategi", milestone.Strategy?.Name))
            .Link("Se milepælen", link)
            .Footer("Du får denne mail, fordi du eller din enhed deltager i begivenheden.", "Afmeld påmindelser", optOut);

        // A reminder to someone whose calendar is up to date carries no invitation: a new REQUEST
        // would ask again for an answer already given, and some calendars reset it.
        var invitation = calendarBehind
            ? EventInvitation.Create(state, $"{milestone.Description}\n\n{link}".Trim(), link, new Uri(baseUrl).Host, sender.Address, delivery.RecipientEmail, nowUtc)
            : null;

        var message = DeliveryMail.Create(sender, delivery, subject, optOut);
        message.Body = InvitationMail.Body(body, invitation, cancel: false);
        return Composition.Send(message, state.Sequence, state);
    }
}
