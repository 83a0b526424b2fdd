using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;

namespace PreventionStrategy.Web.Tests.Infrastructure;

public static class PendingMail
{
    /// <summary>What the sending job does when Hangfire runs it (test sites run no Hangfire server): sends the pending deliveries.</summary>
    public static async Task<SendReport> SendPendingMailAsync(this SiteFactory site)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderJob>().SendPendingAsync(CancellationToken.None);
    }
}
