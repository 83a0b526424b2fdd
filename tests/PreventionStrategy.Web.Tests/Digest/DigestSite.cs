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
        Site = Configure(new SiteFactory());
        _ = Site.Server;
    }

    /// <summary>A second server on the same database file, configured the same.</summary>
    public SiteFactory SecondServer() => Configure(new SiteFactory(Site.Folder));

    private SiteFactory Configure(SiteFactory site)
    {
        foreach (var (key, value) in Smtp.SiteSettings())
        {
            site.Settings[key] = value;
        }

        site.Settings["Reminders:SendFromHour"] = "0";
        site.Settings["Digest:Enabled"] = "true";
        site.Settings["Digest:Day"] = MilestoneTestData.DanishToday.DayOfWeek.ToString();
        site.Settings["Digest:Hour"] = "0";
        return site;
    }

    public Task RunJobAsync() => ReminderSite.RunJobAsync(Site);

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
