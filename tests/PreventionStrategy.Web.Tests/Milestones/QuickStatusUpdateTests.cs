using System.Net;
using AngleSharp.Html.Dom;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>
/// The quick status form in the milestone list and on the dashboard: a plain form post in a native
/// disclosure (no JavaScript), which returns to the page it came from, filters and all.
/// </summary>
public sealed class QuickStatusUpdateTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static string QuickForm(int id) => $"form[action='/Milestones/UpdateStatus/{id}']";

    /// <summary>A filtered, sorted list that shows the milestone: the page the quick update must return to.</summary>
    private async Task<string> FilteredListUrlAsync() =>
        $"/Milestones?strategyId={site.Ids.Strategy}&kind={nameof(MilestoneKind.Deliverable)}&ownerId={await site.UserIdAsync(DemoUsers.DepartmentHead)}&sort=Title&descending=true";

    [Fact]
    public async Task Quick_form_is_a_plain_post_in_a_details_disclosure_that_carries_the_page_address()
    {
        var id = await site.CreateMilestoneAsync($"Hurtig form {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead));
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var listUrl = await FilteredListUrlAsync();

        var list = await client.GetDocumentAsync(listUrl);

        var form = (IHtmlFormElement)list.RowOf(id)!.QuerySelector(QuickForm(id))!;
        Assert.Equal("post", form.Method);
        Assert.Equal("details", form.ParentElement!.LocalName);
        Assert.Equal("Hurtig opdatering", form.ParentElement!.QuerySelector("summary")!.ChildNodes.First().TextContent.Trim());
        Assert.Equal(listUrl, ((IHtmlInputElement)form.QuerySelector("input[name=ReturnUrl]")!).Value);
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
        Assert.Equal("Status", form.QuerySelector($"label[for='quick-{id}-status']")!.Text());
        Assert.Equal("Kommentar", form.QuerySelector($"label[for='quick-{id}-comment']")!.Text());
    }

    [Fact]
    public async Task A_valid_quick_update_from_the_filtered_list_returns_to_exactly_that_list()
    {
        var id = await site.CreateMilestoneAsync($"Hurtig gyldig {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead), progressPercent: 35);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var listUrl = await FilteredListUrlAsync();

        var response = await client.SubmitAsync(listUrl, new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.Comment"] = "Startet op.",
        }, QuickForm(id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(listUrl, response.Headers.Location!.OriginalString);

        var after = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.InProgress, after.Status);
        Assert.Equal(35, after.ProgressPercent);
        var update = Assert.Single(after.StatusUpdates);
        Assert.Equal("Lars Leder", update.UpdatedByName);
        Assert.Equal(MilestoneStatus.Planned, update.OldStatus);
        Assert.Equal("Startet op.", update.Comment);

        var list = await client.GetDocumentAsync(listUrl);
        Assert.Equal($"Status for \"{after.Title}\" er nu \"I gang\".", list.SuccessMessage());
        Assert.Equal("I gang", list.RowOf(id)!.QuerySelector("td:nth-child(4) .status-badge")!.Text());
    }

    [Fact]
    public async Task An_invalid_quick_update_opens_the_full_form_with_the_reason_and_the_chosen_status()
    {
        var id = await site.CreateMilestoneAsync($"Hurtig ugyldig {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead), progressPercent: 10);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var listUrl = await FilteredListUrlAsync();
        var before = await site.MilestoneAsync(id);

        var response = await client.SubmitAsync(listUrl, new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.AtRisk),
            ["Input.Comment"] = "",
        }, QuickForm(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal($"Opdatér status: {before.Title}", page.QuerySelector("h1")!.Text());
        Assert.Contains("Skriv årsagen, når status er \"I risiko\".", page.ErrorMessages());
        Assert.Equal(nameof(MilestoneStatus.AtRisk), page.SelectedValue("#Input_Status"));
        Assert.Equal("10", page.QuerySelector("#Input_ProgressPercent")!.GetAttribute("value"));
        Assert.Equal(listUrl, page.QuerySelector("#ReturnUrl")!.GetAttribute("value"));

        var unchanged = await site.MilestoneAsync(id);
        Assert.Empty(unchanged.StatusUpdates);
        Assert.Equal(MilestoneStatus.Planned, unchanged.Status);
        Assert.Equal(before.Version, unchanged.Version);

        // Adding the comment and the explanation on the full form saves and still goes back to the filtered list.
        var completed = await client.SubmitFormAsync(page, $"/Milestones/UpdateStatus/{id}", new Dictionary<string, string>
        {
            ["Input.Comment"] = "Mangler lokaler til opstart.",
            ["Input.Reason"] = "Lokalerne er ikke klar.",
            ["Input.ConsequenceForPlan"] = "Opstarten rykker.",
            ["Input.ConsequenceForFamilies"] = "Familierne venter lidt længere.",
            ["Input.NextStep"] = "Andre lokaler findes.",
            ["Input.NextStepDate"] = "2027-02-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal(listUrl, completed.Headers.Location!.OriginalString);
        var saved = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.AtRisk, saved.Status);
        Assert.Equal("Mangler lokaler til opstart.", Assert.Single(saved.StatusUpdates).Comment);
    }

    [Fact]
    public async Task A_return_address_off_the_site_is_ignored()
    {
        var id = await site.CreateMilestoneAsync($"Fremmed adresse {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead));
        var client = await site.ClientFor(DemoUsers.DepartmentHead);

        var response = await client.SubmitAsync($"/Milestones?strategyId={site.Ids.Strategy}", new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["ReturnUrl"] = "https://evil.example/phish",
        }, QuickForm(id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Milestones/Details/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(MilestoneStatus.InProgress, (await site.MilestoneAsync(id)).Status);
    }

    [Fact]
    public async Task Quick_update_from_the_dashboards_at_risk_list_returns_to_the_dashboard()
    {
        var id = await site.CreateMilestoneAsync(
            $"I risiko på forsiden {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead), status: MilestoneStatus.AtRisk, progressPercent: 50);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var dashboardUrl = $"/Plans/Dashboard/{site.Ids.Strategy}";

        var dashboard = await client.GetDocumentAsync(dashboardUrl);
        var atRisk = AtRiskTable(dashboard)!;
        Assert.NotNull(atRisk.RowOf(id)!.QuerySelector(QuickForm(id)));

        var response = await client.SubmitAsync(dashboardUrl, new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.Comment"] = "Lokalerne er fundet.",
        }, QuickForm(id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(dashboardUrl, response.Headers.Location!.OriginalString);
        var after = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.InProgress, after.Status);
        Assert.Equal(MilestoneStatus.AtRisk, Assert.Single(after.StatusUpdates).OldStatus);
        var reloaded = await client.GetDocumentAsync(dashboardUrl);
        Assert.Equal($"Status for \"{after.Title}\" er nu \"I gang\".", reloaded.SuccessMessage());
        Assert.Null(AtRiskTable(reloaded)?.RowOf(id));
    }

    [Fact]
    public async Task Dashboards_overdue_list_has_the_quick_form_for_the_owner()
    {
        var id = await site.CreateMilestoneAsync(
            $"Overskredet på forsiden {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead), MilestoneTestData.PreviousQuarter(), MilestoneStatus.InProgress);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var dashboardUrl = $"/Plans/Dashboard/{site.Ids.Strategy}";

        var dashboard = await client.GetDocumentAsync(dashboardUrl);
        var overdue = dashboard.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Overskredne milepæle");
        Assert.NotNull(overdue.RowOf(id)?.QuerySelector(QuickForm(id)));

        var response = await client.SubmitAsync(dashboardUrl, new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.Done),
        }, QuickForm(id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(dashboardUrl, response.Headers.Location!.OriginalString);
        var after = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.Done, after.Status);
        Assert.Equal(100, after.ProgressPercent);
    }

    [Theory]
    [InlineData(DemoUsers.Staff)]
    [InlineData(DemoUsers.Committee)]
    public async Task Readers_get_no_quick_forms(string email)
    {
        var id = await site.CreateMilestoneAsync(
            $"Kun til læsning {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead), status: MilestoneStatus.AtRisk);
        var client = await site.ClientFor(email);

        var list = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}");
        var dashboard = await client.GetDocumentAsync($"/Plans/Dashboard/{site.Ids.Strategy}");

        Assert.NotNull(list.RowOf(id));
        Assert.Empty(list.QuerySelectorAll("details.quick-update"));
        Assert.NotNull(AtRiskTable(dashboard)!.RowOf(id));
        Assert.Empty(dashboard.QuerySelectorAll("details.quick-update"));
    }

    [Fact]
    public async Task A_department_head_gets_quick_forms_only_on_the_rows_they_may_update()
    {
        var unit = await site.CreateUnitAsync($"Enhed {MilestoneTestData.Unique()}");
        var email = $"anden-leder-{MilestoneTestData.Unique()}@demo.local";
        var otherId = await site.CreateUserAsync(email, "Dorte Anden Leder", Roles.DepartmentHead, unit);
        var own = await site.CreateMilestoneAsync($"Egen milepæl {MilestoneTestData.Unique()}", otherId);
        var lars = await site.CreateMilestoneAsync($"Lars' milepæl {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead));
        var client = await site.SignedInClientAsync(email);

        var list = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}");

        Assert.NotNull(list.RowOf(own)!.QuerySelector(QuickForm(own)));
        Assert.NotNull(list.RowOf(lars));
        Assert.Null(list.RowOf(lars)!.QuerySelector("details.quick-update"));
    }

    /// <summary>Null when nothing is at risk or delayed: the dashboard then shows no table.</summary>
    private static AngleSharp.Dom.IElement? AtRiskTable(IHtmlDocument dashboard) =>
        dashboard.QuerySelectorAll("table").SingleOrDefault(t => t.QuerySelector("caption")?.TextContent == "Milepæle i risiko eller forsinket");
}
