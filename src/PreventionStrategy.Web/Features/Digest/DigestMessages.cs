using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Digest;

/// <summary>The weekly digest as an email: what needs the person's update (each linked to its update form), then their events.</summary>
public sealed class DigestMessages(MailTransport transport, OptOutLinks optOutLinks, Display show, IOptions<SiteOptions> site, IOptions<DigestOptions> options)
{
    private readonly string baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');

    public Composition Compose(Delivery delivery, DigestContent? content)
    {
        if (content is null || content.IsEmpty)
        {
            return Composition.Skip("Intet at fortælle i ugens sammendrag.");
        }

        var subject = $"Ugens overblik: {Summary(content)}";
        var optOut = optOutLinks.For(delivery.RecipientEmail, MailList.Digest);
        var body = new MailBody("Ugens overblik")
            .Greeting(delivery.RecipientName ?? content.Name)
            .Paragraph("Her er det, der venter på dig i strategien lige nu.");
        if (content.Milestones.Count > 0)
        {
            body.Section("Milepæle, der skal opdateres")
                .LinkList(content.Milestones.Select(m => (m.Title, Reason(m), $"{baseUrl}/Milestones/UpdateStatus/{m.Id}")));
        }

        if (content.Indicators.Count > 0)
        {
            body.Section("Indikatorer, der mangler tal")
                .LinkList(content.Indicators.Select(i => (i.Name, $"mangler tal for {show.Timing(i.Period)}", $"{baseUrl}/Indicators/Measurements/{i.Id}?period={i.PeriodKey}#period-{i.PeriodKey}")));
        }

        if (content.Events.Count > 0)
        {
            body.Section($"Dine begivenheder de næste {options.Value.EventWeeks * 7} dage")
                .LinkList(content.Events.Select(e => (e.Title, When(e), $"{baseUrl}/Milestones/Details/{e.Id}")));
        }

        body.Footer("Du får denne mail én gang om ugen, når der er noget, der venter på dig. Under \"Mine påmindelser\" vælger du, hvad der kommer med.", "Afmeld ugens overblik", optOut);
        var message = DeliveryMail.Create(transport.Sender, delivery, subject, optOut);
        message.Body = new MimeKit.MultipartAlternative { body.TextPart(), body.HtmlPart() };
        return Composition.Send(message);
    }

    private static string Summary(DigestContent content)
    {
        var parts = new List<string>();
        if (content.Milestones.Count > 0)
        {
            parts.Add(content.Milestones.Count == 1 ? "1 milepæl" : $"{content.Milestones.Count} milepæle");
        }

        if (content.Indicators.Count > 0)
        {
            parts.Add(content.Indicators.Count == 1 ? "1 indikator" : $"{content.Indicators.Count} indikatorer");
        }

        if (content.Events.Count > 0)
        {
            parts.Add(content.Events.Count == 1 ? "1 begivenhed" : $"{content.Events.Count} begivenheder");
        }

        return string.Join(", ", parts);
    }

    private string Reason(DigestMilestone milestone) => milestone.Reason switch
    {
        DigestReason.Overdue => $"over tid, ventet {show.Date(milestone.ExpectedBy)}",
        DigestReason.Delayed => "forsinket",
        DigestReason.AtRisk => "i risiko",
        _ => milestone.LastUpdateAtUtc is { } updated
            ? $"ikke opdateret siden {show.Date(DateOnly.FromDateTime(DanishTime.FromUtc(updated)))}"
            : "aldrig opdateret",
    };

    private string When(DigestEvent digestEvent)
    {
        var when = digestEvent.StartTime is { } start ? $"{show.Date(digestEvent.Date)} kl. {show.Time(start)}" : show.Date(digestEvent.Date);
        return string.IsNullOrWhiteSpace(digestEvent.Location) ? when : $"{when}, {digestEvent.Location}";
    }
}
