using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Reminders;

namespace PreventionStrategy.Web.Tests.Digest;

/// <summary>The reminder site with the weekly digest on, due from midnight of today's weekday (Danish time), so it is due whenever the tests run.</summary>
public sealed class DigestSite : IAsyncLifetime
{
    public LoopbackSmtpServer Smtp { get; private set; } = null!;

    public SiteFactory Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await LoopbackSmtpServer.StartAsync();
        Site = new SiteFactory();
        foreach (var (key, value) in Smtp.SiteSettings())
        {
            Site.Settings[key] = value;
        }

        Site.Settings["Reminders:SendFromHour"] = "0";
        Site.Settings["Digest:Enabled"] = "true";
        Site.Settings["Digest:Day"] = MilestoneTestData.DanishToday.DayOfWeek.ToString();
        Site.Settings["Digest:Hour"] = "0";
        _ = Site.Server;
    }

    public Task RunJobAsync() => ReminderSite.RunJobAsync(Site);

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
