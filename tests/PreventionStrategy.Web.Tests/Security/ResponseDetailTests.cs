using System.Net;
using PreventionStrategy.Web.Tests.Calendars;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Security;

/// <summary>Small things an outside probe found in the site's answers.</summary>
public sealed class ResponseDetailTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_calendar_feed_keeps_its_own_no_referrer_policy()
    {
        var path = await (await site.ClientFor(DemoUsers.DepartmentHead)).NewFeedPathAsync();

        var response = await site.CreateBrowserlessClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_keep_the_same_origin_referrer_policy()
    {
        var response = await (await site.ClientFor(DemoUsers.Staff)).GetAsync("/");

        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/Milestones?handler=Csv&strategyId={0}")]
    [InlineData("/Milestones?handler=Excel&strategyId={0}")]
    [InlineData("/Plans/Import?handler=Export&id={0}")]
    public async Task Exports_are_not_kept_by_any_cache(string url)
    {
        var response = await (await site.ClientFor(DemoUsers.Administrator)).GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, site.Ids.Strategy));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/Error?code=abc")]
    [InlineData("/Error?code=")]
    [InlineData("/Error")]
    public async Task The_error_page_asked_for_without_a_number_is_not_a_server_error(string url)
    {
        var response = await site.CreateBrowserlessClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_page_without_a_message_sets_no_message_cookie()
    {
        var response = await (await site.ClientFor(DemoUsers.Staff)).GetAsync("/");

        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.Contains("CookieTempDataProvider", StringComparison.Ordinal));
    }
}
