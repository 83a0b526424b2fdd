using MimeKit;
using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>The headers every reminder shares: who, what, and the one-click way out.</summary>
public static class ReminderMail
{
    public static MimeMessage Create(MailboxAddress sender, Delivery delivery, string subject, string optOutUrl)
    {
        var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(delivery.RecipientName ?? string.Empty, delivery.RecipientEmail));
        message.Subject = subject;

        // Lets mail clients offer "unsubscribe", and tells auto-responders not to answer (RFC 2369, RFC 3834).
        message.Headers.Add("List-Unsubscribe", $"<{optOutUrl}>");
        message.Headers.Add("Auto-Submitted", "auto-generated");

        // The same delivery always gets the same Message-Id, so a message resent after a crash is recognisably the same one.
        message.MessageId = $"delivery-{delivery.Id}@{sender.Domain}";
        return message;
    }
}
