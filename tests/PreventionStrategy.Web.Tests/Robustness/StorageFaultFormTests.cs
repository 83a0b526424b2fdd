using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>
/// Issue 17, item 7: a form saved while the database cannot be written comes back with what was typed and a
/// Danish message, not an error page. The site runs on the demo's real SQLite file opened read-only (the tests
/// run as root, so taking away the file's write permission would not stop them); the person signed in on the
/// same file while it was writable, and the browser's cookies go with them.
/// </summary>
public sealed class StorageFaultFormTests : IAsyncLifetime
{
    private const string NotSaved = "Ændringen blev ikke gemt: sitet kan ikke gemme lige nu";

    private readonly DemoSite writable = new();
    private readonly System.Net.CookieContainer cookies = new();
    private SiteFactory readOnly = null!;
    private HttpClient browser = null!;

    public async Task InitializeAsync()
    {
        await writable.InitializeAsync();
        var signIn = writable.CreateDefaultClient(SiteFactory.BaseAddress, new CookieContainerHandler(cookies));
        var response = await signIn.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.Administrator,
            ["Input.Password"] = Pages.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        readOnly = new SiteFactory(writable.Folder);
        readOnly.Settings["ConnectionStrings:Default"] = $"Data Source={writable.DatabasePath};Mode=ReadOnly";
        readOnly.Settings["Demo:Enabled"] = "false";
        readOnly.Settings["Database:MigrateOnStartup"] = "false";
        browser = readOnly.CreateDefaultClient(SiteFactory.BaseAddress, new CookieContainerHandler(cookies));
    }

    public async Task DisposeAsync()
    {
        await readOnly.DisposeAsync();
        await writable.DisposeAsync();
    }

    [Fact]
    public async Task A_milestone_edited_while_the_database_is_read_only_is_shown_again_with_the_typed_title_and_a_Danish_message()
    {
        var url = $"/Milestones/Edit/{writable.Ids.Milestone}";
        var page = await browser.GetDocumentAsync(url);

        var response = await browser.SubmitFormAsync(page, url, new Dictionary<string, string> { ["Input.Title"] = "Ny titel, skrevet mens disken var fuld", ["Input.Location"] = "Grenaa bibliotek" });

        var shown = await ShownAgainAsync(response);
        Assert.Equal("Ny titel, skrevet mens disken var fuld", shown.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("Grenaa bibliotek", shown.QuerySelector<IHtmlInputElement>("#Input_Location")!.Value);
        Assert.NotNull(shown.QuerySelector("form[method=post] button[type=submit]"));
        await using var db = writable.CreateDbContext();
        Assert.NotEqual("Ny titel, skrevet mens disken var fuld", (await db.Milestones.SingleAsync(m => m.Id == writable.Ids.Milestone)).Title);
    }

    [Fact]
    public async Task A_status_update_posted_while_the_database_is_read_only_keeps_the_chosen_status_and_the_comment()
    {
        var url = $"/Milestones/UpdateStatus/{writable.Ids.Milestone}";
        var page = await browser.GetDocumentAsync(url);

        var response = await browser.SubmitFormAsync(page, url, new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.AtRisk),
            ["Input.Comment"] = "Lokalerne er ikke klar; vi rykker opstarten.",
            ["Input.Reason"] = "Leverandøren har meldt forsinkelse.",
            ["Input.ConsequenceForPlan"] = "Fokusområde 2 starter senere.",
            ["Input.ConsequenceForFamilies"] = "Familierne venter længere på tilbuddet.",
            ["Input.NextStep"] = "Ny leverandør indhentes.",
            ["Input.NextStepDate"] = "2027-02-01",
        });

        var shown = await ShownAgainAsync(response);
        Assert.Equal(nameof(MilestoneStatus.AtRisk), shown.SelectedValue("#Input_Status"));
        Assert.Equal("Lokalerne er ikke klar; vi rykker opstarten.", shown.QuerySelector<IHtmlTextAreaElement>("#Input_Comment")!.Value);
        Assert.Equal("Leverandøren har meldt forsinkelse.", shown.QuerySelector<IHtmlTextAreaElement>("#Input_Reason")!.Value);
        await using var db = writable.CreateDbContext();
        Assert.DoesNotContain(await db.MilestoneStatusUpdates.Where(u => u.MilestoneId == writable.Ids.Milestone).Select(u => u.Comment).ToListAsync(), c => c == "Lokalerne er ikke klar; vi rykker opstarten.");
    }

    [Fact]
    public async Task Figures_typed_into_the_measurement_grid_while_the_database_is_read_only_are_shown_again()
    {
        var url = $"/Indicators/Measurements/{writable.Ids.Indicator}";
        var page = await browser.GetDocumentAsync(url);
        var cell = page.QuerySelector("input[name='Input.Rows[0].Total']") is not null ? "Input.Rows[0].Total" : "Input.Rows[0].Values[0]";

        var response = await browser.SubmitFormAsync(page, url, new Dictionary<string, string>
        {
            [cell] = "4711",
            ["Input.Rows[0].Comment"] = "Tal fra fagsystemet, trukket i dag.",
        });

        var shown = await ShownAgainAsync(response);
        Assert.Equal("4711", shown.QuerySelector<IHtmlInputElement>($"input[name='{cell}']")!.Value);
        Assert.Equal("Tal fra fagsystemet, trukket i dag.", shown.QuerySelector<IHtmlInputElement>("input[name='Input.Rows[0].Comment']")!.Value);
        await using var db = writable.CreateDbContext();
        Assert.False(await db.IndicatorMeasurements.AnyAsync(m => m.Comment == "Tal fra fagsystemet, trukket i dag."));
    }

    /// <summary>The form again (503, Retry-After), the Danish message in its error summary, the cause logged at Critical.</summary>
    private async Task<IHtmlDocument> ShownAgainAsync(HttpResponseMessage response)
    {
        var shown = await response.ParseAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {string.Join(" | ", shown.ErrorMessages())}");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains(shown.ErrorMessages(), m => m.StartsWith(NotSaved, StringComparison.Ordinal));
        Assert.Contains(readOnly.Errors.Entries, e => e.Level == LogLevel.Critical);
        Assert.DoesNotContain(readOnly.Errors.Entries, e => e.Category.Contains("ExceptionHandler", StringComparison.Ordinal));
        return shown;
    }
}
