using MimeKit;
using PreventionStrategy.Web.Features.Email;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>How an event's message carries its calendar part, shared by reminders, updates and cancellations.</summary>
public static class InvitationMail
{
    /// <summary>
    /// The invitation both inside the alternative (where Outlook and Gmail show it and update the
    /// calendar) and as an .ics attachment (for clients that only offer to open a file); without
    /// one, the plain and HTML parts alone.
    /// </summary>
    public static MimeEntity Body(MailBody body, string? invitation, bool cancel)
    {
        if (invitation is null)
        {
            return new MultipartAlternative { body.TextPart(), body.HtmlPart() };
        }

        var method = cancel ? "CANCEL" : "REQUEST";
        var calendar = new TextPart("calendar") { Text = invitation };
        calendar.ContentType.Parameters.Add("method", method);
        calendar.ContentType.Charset = "utf-8";

        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(invitation))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = cancel ? "aflysning.ics" : "invitation.ics",
        };

        return new Multipart("mixed")
        {
            new MultipartAlternative { body.TextPart(), body.HtmlPart(), calendar },
            attachment,
        };
    }
}
