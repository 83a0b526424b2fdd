using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Access;
using PreventionStrategy.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>
/// WCAG 2.1 AA (the Danish web accessibility law) checked by axe-core in Chromium: every page each role can
/// open (the access matrix's table), forms showing their validation errors, English pages, and the pages an
/// anonymous visitor meets. One browser context per role; collapsed &lt;details&gt; are opened first so the
/// forms inside them are checked too.
/// </summary>
[Trait("Category", "Accessibility")]
public sealed class AccessibilityTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    /// <summary>Entries of the access matrix that are not HTML pages of this site.</summary>
    private static readonly string[] NotAudited =
    [
        // Downloads (CSV, Excel, plan JSON): no page to check.
        "handler=Csv", "handler=Excel", "handler=Export", "handler=Template",

        // Hangfire's own dashboard, a third-party page for administrators only; its markup is not ours to fix
        // (noted in the accessibility statement).
        "/hangfire",
    ];

    public static TheoryData<string> Roles => new(DemoUsers.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_the_role_can_open_meets_WCAG_2_1_AA(string email)
    {
        var ids = await IdsAsync();
        await using var context = await browser.NewContextAsync();
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, email);
        var results = new List<(string, IReadOnlyList<AxeViolation>)>();
        var clock = Stopwatch.StartNew();

        var pages = AccessMatrixTests.Pages
            .Select(row => ((string)row[0], (string)row[1]))
            .Where(row => AccessMatrixTests.MayRead(email, row.Item2) && !NotAudited.Any(row.Item1.Contains))
            .Select(row => AccessMatrixTests.Resolve(row.Item1, ids))
            .Concat(
            [
                $"/Timeline?strategyId={ids.Strategy}&zoom=Month",
                $"/Timeline?strategyId={ids.Strategy}&zoom=Year",
                $"/Timeline?strategyId={ids.Strategy}&zoom=Year&table=true",
                $"/Calendar?strategyId={ids.Strategy}&year=2024&month=12",
                $"/Plans/Dashboard/{ids.Strategy}?culture=en-GB",
                $"/Milestones?strategyId={ids.Strategy}&culture=en-GB",
                $"/Milestones/Details/{ids.Milestone}?culture=en-GB",
                $"/Timeline?strategyId={ids.Strategy}&culture=en-GB",
                $"/Calendar?strategyId={ids.Strategy}&year=2024&month=12&culture=en-GB",
            ]);
        foreach (var url in pages)
        {
            results.Add((url, await OpenAndAuditAsync(page, url, expectedStatus: 200)));
        }

        results.Add(("404 page", await OpenAndAuditAsync(page, "/Milestones/Details/999999", expectedStatus: 404)));
        if (email != DemoUsers.Administrator)
        {
            results.Add(("403 page", await OpenAndAuditAsync(page, "/Audit", expectedStatus: 403)));
        }

        // Forms with their error summary and invalid fields.
        if (email == DemoUsers.Administrator)
        {
            foreach (var form in (string[])[$"/Milestones/Edit?strategyId={ids.Strategy}", "/Identity/Users/Invite", "/Stakeholders/Edit", $"/Committees/MeetingEdit?committeeId={ids.Committee}", "/Plans/Edit"])
            {
                await OpenAsync(page, form, 200);
                await SubmitEmptyAsync(page);
                results.Add((form + " (errors)", await AuditAsync(page)));
            }
        }

        if (email == DemoUsers.DepartmentHead)
        {
            var form = $"/Milestones/UpdateStatus/{ids.Milestone}";
            await OpenAsync(page, form, 200);
            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Forsinket" });
            await SubmitEmptyAsync(page);
            results.Add((form + " (errors)", await AuditAsync(page)));
        }

        // The dashboard on a phone, with the menu drawer open.
        await page.SetViewportSizeAsync(320, 800);
        await OpenAsync(page, $"/Plans/Dashboard/{ids.Strategy}", 200);
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mobile-drawer")).ToBeVisibleAsync();
        results.Add(("dashboard at 320 px, menu open", await Axe.AuditAsync(page)));

        output.WriteLine($"{email}: {results.Count} pages audited in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(results.All(r => r.Item2.Count == 0), $"axe found WCAG 2.1 AA violations for {email}:" + Axe.Describe(results));
    }

    [Fact]
    public async Task Pages_for_anonymous_visitors_meet_WCAG_2_1_AA()
    {
        var ids = await IdsAsync();
        await using var context = await browser.NewContextAsync();
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        var results = new List<(string, IReadOnlyList<AxeViolation>)>();

        var publicPages = AccessMatrixTests.Pages
            .Select(row => ((string)row[0], (string)row[1]))
            .Where(row => AccessMatrixTests.MayRead(null, row.Item2))
            .Select(row => AccessMatrixTests.Resolve(row.Item1, ids));
        foreach (var url in publicPages.Concat(["/Identity/Account/Login", "/Identity/Account/Login?culture=en-GB", "/Accessibility?culture=en-GB", "/Identity/Account/AccessDenied"]))
        {
            results.Add((url, await OpenAndAuditAsync(page, url, expectedStatus: url.Contains("AccessDenied") ? 403 : 200)));
        }

        // An unknown address sends an anonymous visitor to the login page, so the error page is asked for directly.
        results.Add(("404 page", await OpenAndAuditAsync(page, "/Error?code=404", expectedStatus: 200)));

        var token = browser.Site.Services.GetRequiredService<OptOutLinks>().Token("anna@norddjurs.test");
        results.Add(("unsubscribe", await OpenAndAuditAsync(page, $"/Reminders/Unsubscribe?token={token}", expectedStatus: 200)));
        results.Add(("unsubscribe, bad link", await OpenAndAuditAsync(page, "/Reminders/Unsubscribe?token=abc", expectedStatus: 404)));
        var listToken = browser.Site.Services.GetRequiredService<OptOutLinks>().Token("anna@norddjurs.test", MailList.EventReminders);
        results.Add(("unsubscribe from a list", await OpenAndAuditAsync(page, $"/Reminders/Unsubscribe?token={listToken}", expectedStatus: 200)));

        // A read-only share link's pages, names allowed so the briefing archive is among them.
        string shareToken;
        using (var scope = browser.Site.Services.CreateScope())
        {
            shareToken = await scope.ServiceProvider.GetRequiredService<Web.Features.Sharing.ShareLinks>()
                .CreateAsync(ids.Strategy, "Tilgængelighed", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), showNames: true, null, CancellationToken.None);
        }

        foreach (var shared in new[] { "", "/Timeline", "/Indicators", $"/Indicators/{ids.Indicator}", "/Briefings" })
        {
            results.Add(($"share{shared}", await OpenAndAuditAsync(page, $"/Share/{shareToken}{shared}", expectedStatus: 200)));
        }

        await OpenAsync(page, "/Identity/Account/Login", 200);
        results.Add(("login, stylesheets", await Axe.AuditAsync(page, Axe.StylesheetRules)));
        await SubmitEmptyAsync(page);
        results.Add(("login (errors)", await AuditAsync(page)));

        var setPassword = $"/Identity/Account/SetPassword?userId={ids.StaffUser}&token=not-checked-until-saved";
        await OpenAsync(page, setPassword, 200);
        await SubmitEmptyAsync(page);
        results.Add(("set password (errors)", await AuditAsync(page)));

        Assert.True(results.All(r => r.Item2.Count == 0), "axe found WCAG 2.1 AA violations for anonymous visitors:" + Axe.Describe(results));
    }

    private async Task<IReadOnlyList<AxeViolation>> OpenAndAuditAsync(IPage page, string url, int expectedStatus)
    {
        await OpenAsync(page, url, expectedStatus);
        return await AuditAsync(page);
    }

    private static async Task OpenAsync(IPage page, string url, int expectedStatus)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response?.Status == expectedStatus, $"GET {url}: expected {expectedStatus}, got {response?.Status}");
    }

    private static async Task<IReadOnlyList<AxeViolation>> AuditAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        return await Axe.AuditAsync(page);
    }

    /// <summary>Empties the main form's text fields and sends it, so the page comes back with its error summary.</summary>
    private static async Task SubmitEmptyAsync(IPage page)
    {
        var form = page.Locator("main form[method=post]").Filter(new() { Has = page.Locator("button.button-primary[type=submit]") }).First;
        await form.EvaluateAsync(
            "f => f.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea').forEach(e => e.value = '')");
        await form.Locator("button.button-primary[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
    }

    private async Task<DemoIds> IdsAsync()
    {
        await using var db = browser.Site.CreateDbContext();
        return await DemoIds.LoadAsync(db);
    }
}
