using Microsoft.Extensions.Options;
using MimeKit;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>The email that carries an issued briefing to a committee member, with the archived PDF attached.</summary>
public sealed class BriefingMessages(MailTransport transport, IOptions<SiteOptions> site)
{
    private readonly string baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');

    public Composition Compose(Delivery delivery, CommitteeBriefing? briefing)
    {
        if (briefing is null)
        {
            return Composition.Skip("Orienteringen findes ikke længere.");
        }

        var body = new MailBody(briefing.Title)
            .Paragraph(string.IsNullOrWhiteSpace(delivery.RecipientName) ? "Hej," : $"Kære {delivery.RecipientName},")
            .Paragraph($"Hermed statusorienteringen om strategien. Den er vedhæftet som PDF ({briefing.PageCount} sider).")
            .Link("Alle orienteringer i arkivet", $"{baseUrl}/Briefings?strategyId={briefing.StrategyId}")
            .Paragraph($"SHA-256 for filen: {briefing.Sha256}");

        var message = new MimeMessage();
        message.From.Add(transport.Sender);
        message.To.Add(new MailboxAddress(delivery.RecipientName ?? string.Empty, delivery.RecipientEmail));
        message.Subject = briefing.Title;
        message.MessageId = $"delivery-{delivery.Id}@{transport.Sender.Domain}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new Multipart("mixed")
        {
            new MultipartAlternative { body.TextPart(), body.HtmlPart() },
            new MimePart("application", "pdf")
            {
                Content = new MimeContent(new MemoryStream(briefing.Content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = briefing.FileName,
            },
        };
        return Composition.Send(message);
    }
}
