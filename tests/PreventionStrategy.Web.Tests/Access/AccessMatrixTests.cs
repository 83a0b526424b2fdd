using System.Net;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Access;

/// <summary>Every page, requested as every role and as an anonymous visitor, against the table of who may see it.</summary>
public sealed class AccessMatrixTests(DemoSite site) : IClassFixture<DemoSite>
{
    /// <summary>Anyone, signed in or not.</summary>
    internal const string Anonymous = "anonymous";

    /// <summary>Every signed-in role.</summary>
    internal const string Everyone = "everyone";

    internal const string AdminOnly = "admin";

    /// <summary>Administrators and the milestone's owner (the demo department head owns every Norddjurs milestone).</summary>
    internal const string Owners = "owners";

    public static TheoryData<string, string> Pages => new()
    {
        { "/", Everyone },
        { "/Plans/Dashboard/{strategy}", Everyone },
        { "/Plans/Dashboard", Everyone },
        { "/Plans/Edit", AdminOnly },
        { "/Plans/Edit/{strategy}", AdminOnly },
        { "/Plans/Import", AdminOnly },
        { "/Plans/Import?handler=Export&id={strategy}", AdminOnly },
        { "/Milestones?strategyId={strategy}", Everyone },
        { "/Milestones/Details/{milestone}", Everyone },
        { "/Milestones/Edit?strategyId={strategy}", AdminOnly },
        { "/Milestones/Edit/{milestone}", AdminOnly },
        { "/Milestones/TaskEdit?milestoneId={milestone}", Owners },
        { "/Milestones/UpdateStatus/{milestone}", Owners },
        { "/Milestones/Mine", Owners },
        { "/FocusAreas?strategyId={strategy}", Everyone },
        { "/FocusAreas/Details/{focusArea}", Everyone },
        { "/FocusAreas/Edit/{focusArea}", AdminOnly },
        { "/FocusAreas/Edit?strategyId={strategy}", AdminOnly },
        { "/Stakeholders", Everyone },
        { "/Stakeholders/Details/{stakeholder}", Everyone },
        { "/Stakeholders/Edit", AdminOnly },
        { "/Stakeholders/Edit/{stakeholder}", AdminOnly },
        { "/Budget?strategyId={strategy}", Everyone },
        { "/Budget/Edit/{budget}", AdminOnly },
        { "/Budget/Edit?strategyId={strategy}", AdminOnly },
        { "/Committees", Everyone },
        { "/Committees/Edit", AdminOnly },
        { "/Committees/Edit/{committee}", AdminOnly },
        { "/Committees/MeetingEdit?committeeId={committee}", AdminOnly },
        { "/Identity/Users", AdminOnly },
        { "/Identity/Users/Invite", AdminOnly },
        { "/Identity/Users/Edit/{staffUser}", AdminOnly },
        { "/Audit", AdminOnly },
        { "/Milestones/Archive", AdminOnly },
        { "/Outbox", AdminOnly },
        { "/hangfire", AdminOnly },
        { "/Reminders/Preferences", Everyone },
        { "/Briefings?strategyId={strategy}", Everyone },
        { "/Timeline?strategyId={strategy}", Everyone },
        { "/Calendar?strategyId={strategy}", Everyone },
        { "/Calendar/Subscriptions", Everyone },
        { "/Milestones/Print/{milestone}", Everyone },
        { "/Milestones?handler=Csv&strategyId={strategy}", Everyone },
        { "/Milestones?handler=Excel&strategyId={strategy}", Everyone },
        { "/Briefings/Create?strategyId={strategy}", AdminOnly },
        { "/Accessibility", Anonymous },
    };

    /// <summary>Whether the user (null: an anonymous visitor) may open a page of the given kind.</summary>
    internal static bool MayRead(string? email, string allowed) => allowed switch
    {
        Anonymous => true,
        Everyone => email is not null,
        Owners => email is DemoUsers.Administrator or DemoUsers.DepartmentHead,
        _ => email == DemoUsers.Administrator,
    };

    /// <summary>A page template from <see cref="Pages"/> with the demo's ids filled in.</summary>
    internal static string Resolve(string template, DemoIds ids) => template
        .Replace("{strategy}", ids.Strategy.ToString())
        .Replace("{milestone}", ids.Milestone.ToString())
        .Replace("{focusArea}", ids.FocusArea.ToString())
        .Replace("{stakeholder}", ids.Stakeholder.ToString())
        .Replace("{budget}", ids.BudgetInitiative.ToString())
        .Replace("{committee}", ids.Committee.ToString())
        .Replace("{staffUser}", ids.StaffUser);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_renders_for_the_roles_it_allows_and_refuses_the_others(string template, string allowed)
    {
        var url = Resolve(template, site.Ids);
        foreach (var email in DemoUsers.All)
        {
            var client = await site.ClientFor(email);
            var response = await client.GetAsync(url);
            var mayRead = MayRead(email, allowed);
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
        if (MayRead(null, allowed))
        {
            Assert.True(anonymousResponse.StatusCode == HttpStatusCode.OK, $"anonymous GET {url}: expected 200, got {(int)anonymousResponse.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymousResponse.StatusCode);
            Assert.StartsWith("/Identity/Account/Login", anonymousResponse.Headers.Location!.PathAndQuery);
        }
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
}
