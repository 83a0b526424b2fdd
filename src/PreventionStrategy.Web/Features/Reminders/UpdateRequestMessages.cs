using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>An owner's open milestones, as the update request lists them.</summary>
public sealed record OpenMilestone(int Id, string Title, string Timing, string Status, DateTime? LastStatusUpdateAtUtc);

/// <summary>Asks a milestone owner to update their status before the committee's briefing deadline.</summary>
public sealed class UpdateRequestMessages(MailTransport transport, OptOutLinks optOutLinks, Display show, IOptions<SiteOptions> site)
{
    private readonly string baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');

    public Composition Compose(Delivery delivery, CommitteeMeeting? meeting, IReadOnlyList<OpenMilestone> milestones, DateOnly today)
    {
        if (MeetingRequests.IsGone(meeting, today, out var skip))
        {
            return skip;
        }

        if (milestones.Count == 0)
        {
            return Composition.Skip("Modtageren har ingen åbne milepæle.");
        }

        var followUp = delivery.Kind == DeliveryKind.UpdateRequestFollowUp;
        var deadline = DanishWords.Day(meeting.BriefingDeadline);
        var committee = meeting.Committee?.Name ?? "udvalget";
        var subject = followUp
            ? $"Påmindelse: opdatér dine milepæle senest {deadline}"
            : $"Opdatér dine milepæle før {committee}s møde {DanishWords.Day(meeting.MeetingDate)}";

        var optOut = optOutLinks.For(delivery.RecipientEmail, MailLists.Of(delivery.Kind) ?? MailList.EventReminders);
        var body = new MailBody(followUp ? "Husk at opdatere dine milepæle" : "Opdatér dine milepæle")
            .Greeting(delivery.RecipientName)
            .Paragraph(followUp
                ? $"Vi mangler stadig en opdatering af dine milepæle. Orienteringen til {committee} laves {deadline}."
                : $"{committee} får en statusorientering om strategien til mødet {DanishWords.Day(meeting.MeetingDate)}. Opdatér status på dine åbne milepæle senest {deadline}, så orienteringen bygger på det, der er sandt nu.")
            .LinkList(milestones.Select(m => (m.Title, Detail(m), $"{baseUrl}/Milestones/UpdateStatus/{m.Id}")))
            .Footer("Du får denne mail, fordi du er ansvarlig for milepæle i strategien.", "Afmeld påmindelser", optOut);

        var message = DeliveryMail.Create(transport.Sender, delivery, subject, optOut);
        message.Body = new MimeKit.MultipartAlternative { body.TextPart(), body.HtmlPart() };
        return Composition.Send(message);
    }

    private string Detail(OpenMilestone milestone) =>
        milestone.LastStatusUpdateAtUtc is { } updated
            ? $"{milestone.Timing}, {milestone.Status}, sidst opdateret {show.Date(DateOnly.FromDateTime(DanishTime.FromUtc(updated)))}"
            : $"{milestone.Timing}, {milestone.Status}";
}
