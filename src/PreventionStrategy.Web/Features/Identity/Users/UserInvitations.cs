using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using PreventionStrategy.Web.Features.Email;

namespace PreventionStrategy.Web.Features.Identity.Users;

/// <summary>
/// An invitation is a password-reset token sent as a set-password link: the administrator never
/// sees or chooses the password, and the link dies once used or after seven days.
/// </summary>
public sealed class UserInvitations(UserManager<ApplicationUser> users, MailTransport mail, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> localizer)
{
    public Task SendAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        SendLinkAsync(user, "Invite", cancellationToken);

    /// <summary>The same set-password link, worded for someone who asked for it or whose password an administrator reset.</summary>
    public Task SendPasswordResetAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        SendLinkAsync(user, "PasswordReset", cancellationToken);

    private async Task SendLinkAsync(ApplicationUser user, string texts, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{site.Value.PublicBaseUrl.TrimEnd('/')}/Identity/Account/SetPassword?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";

        var message = new MimeMessage();
        message.To.Add(new MailboxAddress(user.FullName, user.Email ?? throw new InvalidOperationException("The user has no email address.")));
        message.Subject = localizer[$"{texts}.Subject"];
        var body = new BodyBuilder
        {
            TextBody = localizer[$"{texts}.Text", user.FullName, link],
            HtmlBody = localizer[$"{texts}.Html", System.Net.WebUtility.HtmlEncode(user.FullName), System.Net.WebUtility.HtmlEncode(link)],
        };
        message.Body = body.ToMessageBody();
        await mail.SendAsync(message, cancellationToken);
    }
}
