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
            .Greeting(delivery.RecipientName)
            .Paragraph($"Hermed statusorienteringen om strategien. Den er vedhæftet som PDF ({briefing.PageCount} sider).")
            .Link("Alle orienteringer i arkivet", $"{baseUrl}/Briefings?strategyId={briefing.StrategyId}")
            .Paragraph($"SHA-256 for filen: {briefing.Sha256}");

        // The committee's meeting material, not a reminder: no opt-out link.
        var message = DeliveryMail.Create(transport.Sender, delivery, briefing.Title, optOutUrl: null);
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
