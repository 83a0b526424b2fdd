using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Security;

/// <summary>Every form in the site, posted without its antiforgery token (or with another person's), is refused with 400 and changes nothing.</summary>
public sealed class AntiforgeryTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Every_form_posted_without_a_valid_token_gets_400_and_changes_nothing()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var other = await site.ClientFor(DemoUsers.DepartmentHead);
        var othersToken = (await other.GetDocumentAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await CountsAsync();
        var checkedForms = new HashSet<string>();

        foreach (var url in SitePages.All.Select(p => SitePages.Resolve(p.Template, site.Ids)).Where(u => !u.Contains("handler=", StringComparison.Ordinal) && u != "/hangfire"))
        {
            var page = await admin.GetDocumentAsync(url);
            foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
                if (!checkedForms.Add(action) || action.Contains("/Logout", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
                var fields = form.Elements.Select(e => (Name: e.GetAttribute("name"), Value: (e as IHtmlInputElement)?.Value ?? string.Empty))
                    .Where(f => !string.IsNullOrEmpty(f.Name) && f.Name != "__RequestVerificationToken")
                    .Select(f => new KeyValuePair<string, string>(f.Name!, f.Value)).ToList();

                var withoutToken = await admin.PostAsync(action, new FormUrlEncodedContent(fields));
                Assert.True(withoutToken.StatusCode == HttpStatusCode.BadRequest, $"POST {action} (form on {url}) without a token gave {(int)withoutToken.StatusCode}");

                var withOthersToken = await admin.PostAsync(action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", othersToken)]));
                Assert.True(withOthersToken.StatusCode == HttpStatusCode.BadRequest, $"POST {action} (form on {url}) with another user's token gave {(int)withOthersToken.StatusCode}");
            }
        }

        Assert.True(checkedForms.Count >= 20, $"only {checkedForms.Count} forms found: {string.Join(", ", checkedForms)}");
        Assert.Equal(before, await CountsAsync());
    }

    private async Task<string> CountsAsync()
    {
        await using var db = site.CreateDbContext();
        return string.Join(",",
            await db.Milestones.IgnoreQueryFilters().CountAsync(), await db.MilestoneStatusUpdates.CountAsync(), await db.FocusAreas.CountAsync(),
            await db.Stakeholders.CountAsync(), await db.Committees.CountAsync(), await db.BudgetInitiatives.CountAsync(), await db.Users.CountAsync(),
            await db.Deliveries.CountAsync(), await db.CommitteeBriefings.CountAsync(), await db.AuditEntries.Where(e => e.EntityType != "Security").CountAsync());
    }
}
