using System.Net;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Security;

/// <summary>The sign-in, reset and two-factor submissions, limited per client address at the production setting.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly DemoSite site = new();

    public async Task InitializeAsync()
    {
        site.Settings["Security:SignInRequestsPerMinute"] = "10";
        await site.InitializeAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task The_eleventh_sign_in_attempt_in_a_minute_gets_429_with_a_Danish_page_and_other_clients_are_unaffected()
    {
        var guesser = ClientAt("198.51.100.7");
        var form = await guesser.GetDocumentAsync("/Identity/Account/Login");
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var allowed = await Guess(guesser, form);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await Guess(guesser, form);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("Vent et minut, og prøv igen", await refused.Content.ReadAsStringAsync());

        // Showing the form is not limited, and a colleague at another address signs in as usual.
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/Identity/Account/Login")).StatusCode);
        var colleague = ClientAt("198.51.100.8");
        var signIn = await colleague.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string> { ["Input.Email"] = DemoUsers.Staff, ["Input.Password"] = Pages.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory]
    [InlineData("/Identity/Account/ForgotPassword", "Input.Email")]
    [InlineData("/Identity/Account/SetPassword?userId=x&token=y", "Input.Password")]
    public async Task Password_reset_pages_share_the_limit(string url, string field)
    {
        var client = ClientAt($"198.51.100.{Random.Shared.Next(20, 250)}");
        var token = (await client.GetDocumentAsync("/Identity/Account/Login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 11; attempt++)
        {
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, [field] = "nogen@norddjurs.test" };
            statuses.Add((await client.PostAsync(url, new FormUrlEncodedContent(fields))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private HttpClient ClientAt(string address)
    {
        var client = site.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    private static Task<HttpResponseMessage> Guess(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument form) =>
        client.SubmitFormAsync(form, "/Identity/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "gaet@norddjurs.test", ["Input.Password"] = "et-forkert-gaet-123" });
}
