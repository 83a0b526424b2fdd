using System.Net;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Access;

/// <summary>Every page, requested as every role and as an anonymous visitor, against the table of who may see it.</summary>
public sealed class AccessMatrixTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Everyone = SitePages.Everyone;
    private const string Owners = SitePages.Owners;

    public static TheoryData<string, string> Pages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (template, allowed) in SitePages.All)
            {
                data.Add(template, allowed);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_renders_for_the_roles_it_allows_and_refuses_the_others(string template, string allowed)
    {
        var url = Resolve(template);
        foreach (var email in DemoUsers.All)
        {
            var client = await site.ClientFor(email);
            var response = await client.GetAsync(url);
            var mayRead = allowed == Everyone || email == DemoUsers.Administrator || (allowed == Owners && email == DemoUsers.DepartmentHead);
            Assert.True(
                response.StatusCode == (mayRead ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
                $"{email} GET {url}: expected {(mayRead ? 200 : 403)}, got {(int)response.StatusCode}");
            if (!mayRead)
            {
                Assert.Contains("Du har ikke adgang", await response.Content.ReadAsStringAsync());
            }
        }

        var anonymous = await site.ClientFor(null);
        var anonymousResponse = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymousResponse.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", anonymousResponse.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/Identity/Account/Login")]
    public async Task Public_endpoints_answer_anonymous_visitors(string url)
    {
        var response = await (await site.ClientFor(null)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_post_from_a_role_without_write_access_is_refused_and_changes_nothing()
    {
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        await using var db = site.CreateDbContext();
        var before = db.Milestones.Count();

        // The department head cannot load the admin form, so post with a token from a page they can read.
        var page = await client.GetDocumentAsync("/");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/Milestones/Edit/{site.Ids.Milestone}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, db.Milestones.Count());
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_rejected()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var response = await client.PostAsync($"/Milestones/Edit/{site.Ids.Milestone}?handler=Delete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private string Resolve(string template) => SitePages.Resolve(template, site.Ids);
}
