using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Identity;

/// <summary>
/// Invitations and password-reset links go through the delivery table: with the mail server down
/// the pages answer at once and alike, and the message goes out when the server is back.
/// </summary>
public sealed class AccountMailTests : IAsyncLifetime
{
    private readonly DemoSite site = new();

    private int smtpPort;

    public async Task InitializeAsync()
    {
        // Start a server to learn a port the site is pointed at, then stop it: the mail server is down.
        await using (var smtp = await LoopbackSmtpServer.StartAsync())
        {
            smtpPort = smtp.Port;
            foreach (var (key, value) in smtp.SiteSettings())
            {
                site.Settings[key] = value;
            }
        }

        site.Settings["Reminders:RetryDelaySeconds"] = "1";
        await site.InitializeAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task With_the_mail_server_down_a_forgotten_password_is_answered_alike_for_known_and_unknown_addresses()
    {
        var known = await ForgotPasswordAsync(DemoUsers.Staff);
        var unknown = await ForgotPasswordAsync("ingen-konto@norddjurs.example");

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(unknown.Main, known.Main);
        Assert.Empty(site.Errors.Entries);
    }

    [Fact]
    public async Task With_the_mail_server_down_an_invitation_is_queued_and_sent_when_the_server_is_back()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync("/Identity/Users/Invite", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Birgit Barselsplejerske",
            ["Input.Email"] = "birgit@norddjurs.example",
            ["Input.Role"] = "Staff",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var down = await site.SendPendingMailAsync();
        Assert.Equal(0, down.Sent);
        await using (var db = site.CreateDbContext())
        {
            var delivery = await db.Deliveries.SingleAsync(d => d.RecipientEmail == "birgit@norddjurs.example");
            Assert.Equal(DeliveryState.Pending, delivery.State);
            delivery.NextAttemptAtUtc = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        await using var smtp = await LoopbackSmtpServer.StartAsync(smtpPort);
        Assert.Equal(1, (await site.SendPendingMailAsync()).Sent);
        var message = Assert.Single(smtp.Messages());
        Assert.Equal("Invitation til Forebyggende strategi", message.Subject);
        Assert.Contains("/Identity/Account/SetPassword?userId=", message.TextBody);
    }

    private async Task<(HttpStatusCode Status, string Main)> ForgotPasswordAsync(string email)
    {
        var client = site.CreateBrowserlessClient();
        var response = await client.SubmitAsync("/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        var main = (await response.ParseAsync()).QuerySelector("main")?.TextContent ?? string.Empty;
        return (response.StatusCode, main);
    }
}
