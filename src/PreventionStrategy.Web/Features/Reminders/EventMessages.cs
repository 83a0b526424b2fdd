using Microsoft.Extensions.Options;
using MimeKit;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// The reminder, update and cancellation emails for an event, each with its calendar invitation.
/// Composed from the milestone as it is when sent, so a reminder queued before a change already
/// carries the new time and place.
/// </summary>
public sealed class EventMessages(MailTransport transport, OptOutLinks optOutLinks, Display show, IOptions<SiteOptions> site, IOptions<ReminderOptions> options)
{
    private readonly string baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');

    public Composition Compose(Delivery delivery, Milestone? milestone, DateTime nowUtc)
    {
        if (milestone?.Timing.Date is not { } date)
        {
            return Composition.Skip("Milepælen findes ikke længere eller har ikke længere en dato.");
        }

        if (nowUtc >= ReminderSchedule.EventStartUtc(date, milestone.Timing.StartTime))
        {
            return Composition.Skip("Begivenheden er begyndt eller overstået.");
        }

        var cancelled = milestone.Status == MilestoneStatus.Cancelled || milestone.IsArchived;
        if (delivery.Kind != DeliveryKind.EventCancellation && cancelled)
        {
            return Composition.Skip("Begivenheden er aflyst.");
        }

        if (delivery.Kind != DeliveryKind.EventCancellation && !ReminderSchedule.HasReminders(milestone, options.Value))
        {
            return Composition.Skip("Påmindelser er slået fra for milepælen.");
        }

        // Said as it is when the message leaves (a reminder sent late says "i morgen", not "om 3 dage").
        var daysAway = date.DayNumber - DateOnly.FromDateTime(DanishTime.FromUtc(nowUtc)).DayNumber;
        var link = $"{baseUrl}/Milestones/Details/{milestone.Id}";
        var what = $"{show.Enum(milestone.Kind)}: {milestone.Title}";
        var (subject, heading, lead) = delivery.Kind switch
        {
            DeliveryKind.EventCancellation => (
                $"Aflyst: {milestone.Title}",
                $"{milestone.Title} er aflyst",
                $"{milestone.Title} {DanishWords.Day(date)} er aflyst. Invitationen i din kalender bliver fjernet."),
            DeliveryKind.EventUpdate => (
                $"Ændret: {milestone.Title} – {DanishWords.When(milestone)}",
                $"{milestone.Title} er ændret",
                "Tidspunktet eller stedet er ændret. Her er de nye oplysninger; invitationen i din kalender bliver opdateret."),
            _ => (
                $"Påmindelse: {milestone.Title} {DanishWords.InDays(daysAway)} – {DanishWords.Day(date)}",
                $"Påmindelse: {milestone.Title}",
                $"Du deltager i {milestone.Title} {DanishWords.InDays(daysAway)}."),
        };

        var optOut = optOutLinks.For(delivery.RecipientEmail);
        var body = new MailBody(heading)
            .Greeting(delivery.RecipientName)
            .Paragraph(lead)
            .Facts(
                ("Hvad", what),
                ("Hvornår", DanishWords.When(milestone)),
                ("Hvor", milestone.Location ?? "Stedet er ikke fastlagt endnu."),
                ("Formål", milestone.Description),
                ("Strategi", milestone.Strategy?.Name))
            .Link("Se milepælen", link)
            .Footer("Du får denne mail, fordi du eller din enhed deltager i begivenheden.", "Afmeld påmindelser", optOut);

        var invitation = EventInvitation.Create(
            milestone,
            $"{milestone.Description}\n\n{link}".Trim(),
            link,
            new Uri(baseUrl).Host,
            transport.Sender.Address,
            transport.Sender.Name ?? transport.Sender.Address,
            delivery.RecipientEmail,
            cancel: delivery.Kind == DeliveryKind.EventCancellation,
            nowUtc);

        var message = DeliveryMail.Create(transport.Sender, delivery, subject, optOut);
        message.Body = WithInvitation(body, invitation, delivery.Kind == DeliveryKind.EventCancellation ? "CANCEL" : "REQUEST");
        return Composition.Send(message, milestone.EventSequence);
    }

    /// <summary>
    /// The invitation both inside the alternative (where Outlook and Gmail show accept buttons and
    /// update the calendar) and as an .ics attachment (for clients that only offer to open a file).
    /// </summary>
    private static Multipart WithInvitation(MailBody body, string invitation, string method)
    {
        var calendar = new TextPart("calendar") { Text = invitation };
        calendar.ContentType.Parameters.Add("method", method);
        calendar.ContentType.Charset = "utf-8";

        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(invitation))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = method == "CANCEL" ? "aflysning.ics" : "invitation.ics",
        };

        return new Multipart("mixed")
        {
            new MultipartAlternative { body.TextPart(), body.HtmlPart(), calendar },
            attachment,
        };
    }
}
