using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>Asks an indicator's owner for the figures the committee's briefing will miss, with a link to each entry form.</summary>
public sealed class IndicatorRequestMessages(MailTransport transport, OptOutLinks optOutLinks, Display show, IOptions<SiteOptions> site)
{
    private readonly string baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');

    public Composition Compose(Delivery delivery, CommitteeMeeting? meeting, IReadOnlyList<DueIndicator> due, DateOnly today)
    {
        if (MeetingRequests.IsGone(meeting, today, out var skip))
        {
            return skip;
        }

        if (due.Count == 0)
        {
            return Composition.Skip("Alle tal er indberettet.");
        }

        var committee = meeting.Committee?.Name ?? "udvalget";
        var deadline = DanishWords.Day(meeting.BriefingDeadline);
        var subject = $"Indberet tal før {committee}s møde {DanishWords.Day(meeting.MeetingDate)}";
        var optOut = optOutLinks.For(delivery.RecipientEmail, MailLists.Of(delivery.Kind) ?? MailList.EventReminders);
        var body = new MailBody("Indberet tal til udvalgets orientering")
            .Greeting(delivery.RecipientName)
            .Paragraph($"{committee} får en orientering om strategiens effekt til mødet {DanishWords.Day(meeting.MeetingDate)}. Disse indikatorer mangler tal for den seneste afsluttede periode. Indtast dem senest {deadline}, gerne som foreløbige tal, hvis de endelige ikke er klar.")
            .LinkList(due.Select(d => (d.Name, $"mangler tal for {show.Timing(d.Period)}", $"{baseUrl}/Indicators/Measurements/{d.Id}?period={d.PeriodKey}#period-{d.PeriodKey}")))
            .Footer("Du får denne mail, fordi du er ansvarlig for at indberette indikatorer i strategien.", "Afmeld påmindelser", optOut);

        var message = DeliveryMail.Create(transport.Sender, delivery, subject, optOut);
        message.Body = new MimeKit.MultipartAlternative { body.TextPart(), body.HtmlPart() };
        return Composition.Send(message);
    }
}
