using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.Identity.Users;

/// <summary>
/// Composes invitations and password-reset mails when they are sent, not when they are asked for:
/// the set-password link's token is made then, from the account as it is, so a message that waited
/// for the mail server still carries a link that works (seven days from sending).
/// </summary>
public sealed class AccountMessages(AppDbContext db, UserManager<ApplicationUser> users, MailTransport transport, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> localizer)
{
    public static bool IsAccountMail(DeliveryKind kind) => kind is DeliveryKind.Invitation or DeliveryKind.PasswordReset;

    public async Task<Dictionary<long, Composition>> ComposeAsync(IEnumerable<Delivery> batch, CancellationToken cancellationToken)
    {
        var mine = batch.Where(d => IsAccountMail(d.Kind)).ToList();
        var result = new Dictionary<long, Composition>();
        if (mine.Count == 0)
        {
            return result;
        }

        var ids = mine.Select(d => d.UserId).Distinct().ToList();
        var accounts = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var delivery in mine)
        {
            result[delivery.Id] = accounts.GetValueOrDefault(delivery.UserId ?? string.Empty) is { IsDisabled: false } user
                ? Composition.Send(await MessageAsync(user, delivery.Kind == DeliveryKind.Invitation ? "Invite" : "PasswordReset"))
                : Composition.Skip("Brugeren findes ikke længere eller er deaktiveret.");
        }

        return result;
    }

    private async Task<MimeMessage> MessageAsync(ApplicationUser user, string texts)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{site.Value.PublicBaseUrl.TrimEnd('/')}/Identity/Account/SetPassword?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";

        var message = new MimeMessage();
        message.From.Add(transport.Sender);
        message.To.Add(new MailboxAddress(user.FullName, user.Email ?? throw new InvalidOperationException("The user has no email address.")));
        message.Subject = localizer[$"{texts}.Subject"];
        message.Body = new BodyBuilder
        {
            TextBody = localizer[$"{texts}.Text", user.FullName, link],
            HtmlBody = localizer[$"{texts}.Html", System.Net.WebUtility.HtmlEncode(user.FullName), System.Net.WebUtility.HtmlEncode(link)],
        }.ToMessageBody();
        return message;
    }
}
