using System.Net;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Access;

/// <summary>
/// Every POST handler of the site, sent as every role (with that person's own antiforgery token) and
/// as an anonymous visitor, against the table of who may use it. Ids that do not exist and empty
/// forms keep the allowed requests from changing anything: they must reach the handler (a form
/// with messages, a 404 or a redirect) where the refused ones stop at 403.
/// </summary>
public sealed class HandlerAccessMatrixTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Everyone = "everyone";
    private const string AdminOnly = "admin";
    private const string Owners = "owners";
    private const string Anonymous = "anonymous";

    public static TheoryData<string, string> Handlers => new()
    {
        { "/Plans/Edit", AdminOnly },
        { "/Plans/Edit/999999?handler=Delete", AdminOnly },
        { "/Plans/Import", AdminOnly },
        { "/Milestones/Edit?strategyId={strategy}", AdminOnly },
        { "/Milestones/Edit/999999", AdminOnly },
        { "/Milestones/Edit/999999?handler=Delete", AdminOnly },
        { "/Milestones/Archive?handler=Restore&id=999999", AdminOnly },
        { "/Milestones/UpdateStatus/{milestone}", Owners },
        { "/Milestones/TaskEdit?milestoneId={milestone}", Owners },
        { "/FocusAreas/Edit?strategyId={strategy}", AdminOnly },
        { "/FocusAreas/Edit/999999?handler=Delete", AdminOnly },
        { "/Stakeholders/Edit", AdminOnly },
        { "/Stakeholders/Edit/999999?handler=Delete", AdminOnly },
        { "/Budget/Edit?strategyId={strategy}", AdminOnly },
        { "/Budget/Edit/999999?handler=Delete", AdminOnly },
        { "/Committees/Edit", AdminOnly },
        { "/Committees/Edit/999999?handler=Delete", AdminOnly },
        { "/Committees/MeetingEdit?committeeId={committee}", AdminOnly },
        { "/Committees/MeetingEdit/999999?handler=Delete", AdminOnly },
        { "/Identity/Users/Invite", AdminOnly },
        { "/Identity/Users/Edit/nobody", AdminOnly },
        { "/Identity/Users/Edit/nobody?handler=Resend", AdminOnly },
        { "/Identity/Users/Edit/nobody?handler=EndSessions", AdminOnly },
        { "/Identity/Users/Edit/nobody?handler=ResetPassword", AdminOnly },
        { "/Outbox?handler=Retry&id=999999", AdminOnly },
        { "/Briefings/Create?strategyId=999999&handler=Preview", AdminOnly },
        { "/Briefings/Create?strategyId=999999&handler=Download", AdminOnly },
        { "/Briefings/Create?strategyId=999999&handler=Issue", AdminOnly },
        { "/Reminders/Preferences", Everyone },
        { "/Reminders/Preferences?handler=Choices", Everyone },
        { "/Sharing/Manage?strategyId={strategy}", AdminOnly },
        { "/Sharing/Manage?strategyId={strategy}&handler=Revoke&id=999999", AdminOnly },
        { "/Calendar/Subscriptions?handler=Revoke", Everyone },
        { "/Calendar/Subscriptions?handler=Regenerate", Everyone },
        { "/Calendar/Subscriptions?handler=RevokeStrategy&strategyId=999999", AdminOnly },
        { "/Calendar/Subscriptions?handler=RegenerateStrategy&strategyId=999999", AdminOnly },
        { "/Identity/TwoFactor/Enable", Everyone },
        { "/Identity/Account/ForgotPassword", Anonymous },
        { "/Identity/Account/Login", Anonymous },
        { "/Identity/Account/SetPassword?userId=nobody&token=x", Anonymous },
        { "/Indicators/Edit?strategyId={strategy}", AdminOnly },
        { "/Indicators/Edit/999999?handler=Delete", AdminOnly },
        { "/Indicators/Measurements/{indicator}", Owners },
        { "/Indicators/Import/{indicator}?handler=Upload", Owners },
        { "/Indicators/Import/{indicator}?handler=Preview", Owners },
        { "/Indicators/Import/{indicator}?handler=Save", Owners },
    };

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Each_handler_is_reached_by_the_roles_it_allows_and_refused_to_the_others(string template, string allowed)
    {
        var url = SitePages.Resolve(template, site.Ids);
        foreach (var email in DemoUsers.All)
        {
            var response = await PostAsync(await site.ClientFor(email), url);
            var may = allowed is Everyone or Anonymous || email == DemoUsers.Administrator || (allowed == Owners && email == DemoUsers.DepartmentHead);
            var status = (int)response.StatusCode;
            if (may)
            {
                Assert.True(status is not (403 or 400 or >= 500), $"{email} POST {url}: expected to reach the handler, got {status}");
                Assert.False(response.Headers.Location?.OriginalString.StartsWith("/Identity/Account/Login", StringComparison.Ordinal) == true, $"{email} POST {url} was sent to sign in");
            }
            else
            {
                Assert.True(status == 403, $"{email} POST {url}: expected 403, got {status}");
            }
        }

        var anonymous = await PostAsync(await site.ClientFor(null), url);
        if (allowed == Anonymous)
        {
            Assert.True((int)anonymous.StatusCode is not (403 or 400 or >= 500), $"anonymous POST {url}: got {(int)anonymous.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/Identity/Account/Login", anonymous.Headers.Location!.PathAndQuery);
        }
    }

    /// <summary>An empty form with the client's own token, taken from a page every visitor may open.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync("/Identity/Account/ForgotPassword");
        var token = page.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }
}
