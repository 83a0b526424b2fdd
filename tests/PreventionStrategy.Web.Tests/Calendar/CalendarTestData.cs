using System.Net;
using Ical.Net.CalendarComponents;
using PreventionStrategy.Web.Tests.Infrastructure;

// Not "...Tests.Calendar": a namespace of that name would hide Ical.Net's Calendar type from every other test namespace.
namespace PreventionStrategy.Web.Tests.Calendars;

internal static class CalendarTestData
{
    /// <summary>Makes (or replaces) the signed-in user's feed address on the subscriptions page and returns its path.</summary>
    public static Task<string> NewFeedPathAsync(this HttpClient client) =>
        client.PostFromSubscriptionsAsync("main form[action$='handler=Regenerate']");

    /// <summary>An administrator makes (or replaces) a strategy's feed address and gets its path.</summary>
    public static Task<string> NewStrategyFeedPathAsync(this HttpClient client, int strategyId) =>
        client.PostFromSubscriptionsAsync($"main form[data-strategy='{strategyId}']");

    public static async Task RevokeFeedAsync(this HttpClient client)
    {
        var response = await client.SubmitAsync("/Calendar/Subscriptions", new Dictionary<string, string>(), "main form[action$='handler=Revoke']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The feed, fetched the way a calendar app does: no cookies, no sign-in.</summary>
    public static async Task<Ical.Net.Calendar> FeedAsync(this SiteFactory site, string path)
    {
        using var anonymous = site.CreateBrowserlessClient();
        var response = await anonymous.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} gave {(int)response.StatusCode}");
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("The feed did not parse.");
    }

    public static async Task<HttpStatusCode> FeedStatusAsync(this SiteFactory site, string path)
    {
        using var anonymous = site.CreateBrowserlessClient();
        return (await anonymous.GetAsync(path)).StatusCode;
    }

    public static CalendarEvent EventFor(this Ical.Net.Calendar calendar, int milestoneId) =>
        calendar.Events.Single(e => e.Uid == $"milestone-{milestoneId}@localhost");

    private static async Task<string> PostFromSubscriptionsAsync(this HttpClient client, string formSelector)
    {
        var response = await client.SubmitAsync("/Calendar/Subscriptions", new Dictionary<string, string>(), formSelector);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var page = await response.ParseAsync();
        var https = page.QuerySelector("input[data-feed=https]")!.GetAttribute("value")!;
        var webcal = page.QuerySelector("a[data-feed=webcal]")!.GetAttribute("href")!;
        Assert.Equal(https.Replace("http://", "webcal://"), webcal);
        return new Uri(https).PathAndQuery;
    }
}
