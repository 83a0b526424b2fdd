using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>
/// The demo site sending through a real SMTP server on loopback. Messages go out from midnight
/// (so what is due does not depend on the hour the tests run) and a temporary failure is retried
/// after one second instead of one minute.
/// </summary>
public sealed class ReminderSite : IAsyncLifetime
{
    public LoopbackSmtpServer Smtp { get; private set; } = null!;

    public SiteFactory Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await LoopbackSmtpServer.StartAsync();
        Site = Create(new SiteFactory());
        _ = Site.Server;
    }

    /// <summary>A site configured like this one: a fresh one, or the same files after a restart.</summary>
    public SiteFactory Create(SiteFactory site) => Configure(site, Smtp);

    /// <summary>A site sending through <paramref name="smtp"/> from midnight, retrying a temporary failure after one second.</summary>
    public static SiteFactory Configure(SiteFactory site, LoopbackSmtpServer smtp)
    {
        foreach (var (key, value) in smtp.SiteSettings())
        {
            site.Settings[key] = value;
        }

        site.Settings["Reminders:SendFromHour"] = "0";
        site.Settings["Reminders:RetryDelaySeconds"] = "1";
        return site;
    }

    public Task<ReminderRunReport> RunJobAsync() => RunJobAsync(Site);

    /// <summary>What Hangfire does: a new scope, the job resolved from it, run.</summary>
    public static async Task<ReminderRunReport> RunJobAsync(SiteFactory site)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
