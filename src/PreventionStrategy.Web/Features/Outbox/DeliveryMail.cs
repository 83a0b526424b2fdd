using MimeKit;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>The headers every delivered message shares: who, what, and for reminders the way out.</summary>
public static class DeliveryMail
{
    /// <param name="optOutUrl">The recipient's opt-out link; null for mail that is not a reminder (a committee briefing).</param>
    public static MimeMessage Create(MailboxAddress sender, Delivery delivery, string subject, string? optOutUrl)
    {
        var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(delivery.RecipientName ?? string.Empty, delivery.RecipientEmail));
        message.Subject = subject;

        // Tells auto-responders not to answer (RFC 3834), and lets mail clients offer "unsubscribe" (RFC 2369):
        // with List-Unsubscribe-Post (RFC 8058) as one click, a POST to the same signed link, which opts out of this list only.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (optOutUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{optOutUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        // The same delivery always gets the same Message-Id, so a message resent after a crash is recognisably the same one;
        // the random part keeps it unique beyond this database (a restored copy, a second site with the same sender domain),
        // where the row id alone repeats and Gmail drops the later message. Rows from before it existed get one now.
        delivery.MessageGuid ??= Guid.NewGuid();
        message.MessageId = $"delivery-{delivery.Id}-{delivery.MessageGuid:N}@{sender.Domain}";
        return message;
    }
}
