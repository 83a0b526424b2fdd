using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Identity;

/// <summary>The demo site with <c>Security:RequireTwoFactorForEditors</c> on, as it is in production.</summary>
public sealed class TwoFactorRequiredSite : SiteFactory, IAsyncLifetime
{
    public TwoFactorRequiredSite()
    {
        Settings["Security:RequireTwoFactorForEditors"] = "true";
    }

    public int StrategyId { get; private set; }

    public async Task InitializeAsync()
    {
        _ = Server;
        await using var db = CreateDbContext();
        StrategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>Administrators and department heads without two-factor authentication read everything and change nothing.</summary>
public sealed class TwoFactorRequirementTests(TwoFactorRequiredSite site) : IClassFixture<TwoFactorRequiredSite>
{
    private const string Refusal = "Du skal slå to-trinsbekræftelse til, før du kan ændre data. Intet blev gemt.";

    private string CreateMilestoneUrl => $"/Milestones/Edit?strategyId={site.StrategyId}";

    [Fact]
    public async Task An_administrator_without_two_factor_is_refused_a_change_and_sent_to_the_setup_page_and_after_turning_it_on_the_same_change_is_saved()
    {
        var email = await site.CreateUserAsync(Roles.Administrator);
        var client = await site.SignedInClientAsync(email);
        var title = $"Kræver to-trinsbekræftelse {Guid.NewGuid():N}";

        // Reading is allowed, the form included.
        var form = await client.GetDocumentAsync(CreateMilestoneUrl);
        var refused = await client.SubmitFormAsync(form, CreateMilestoneUrl, TwoFactorTests.Milestone(title));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(TwoFactorSteps.ManageUrl, refused.Headers.Location!.OriginalString);
        var setup = await client.GetDocumentAsync(TwoFactorSteps.ManageUrl);
        Assert.Equal(Refusal, setup.QuerySelector(".alert-error")!.TextContent.Trim());
        await using (var db = site.CreateDbContext())
        {
            Assert.False(await db.Milestones.AnyAsync(m => m.Title == title));
        }

        await client.EnableAsync();
        var saved = await client.SubmitFormAsync(await client.GetDocumentAsync(CreateMilestoneUrl), CreateMilestoneUrl, TwoFactorTests.Milestone(title));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/Milestones/Details/", saved.Headers.Location!.OriginalString);
        await using (var db = site.CreateDbContext())
        {
            Assert.True(await db.Milestones.AnyAsync(m => m.Title == title));
        }
    }

    [Fact]
    public async Task A_department_head_without_two_factor_is_refused_a_status_update_of_their_own_milestone()
    {
        // The demo department head owns the Norddjurs milestones; nothing else in this class signs in as them.
        var client = await site.SignedInClientAsync(DemoUsers.DepartmentHead);
        await using var db = site.CreateDbContext();
        var milestone = await db.Milestones.OrderBy(m => m.Id).FirstAsync(m => m.StrategyId == site.StrategyId);
        var updatesBefore = await db.MilestoneStatusUpdates.CountAsync(u => u.MilestoneId == milestone.Id);

        var response = await client.SubmitAsync($"/Milestones/UpdateStatus/{milestone.Id}", new Dictionary<string, string>
        {
            ["Input.Comment"] = "Forsøg uden to-trinsbekræftelse",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TwoFactorSteps.ManageUrl, response.Headers.Location!.OriginalString);
        Assert.Equal(updatesBefore, await db.MilestoneStatusUpdates.CountAsync(u => u.MilestoneId == milestone.Id));
    }

    [Fact]
    public async Task The_job_dashboards_buttons_are_refused_too()
    {
        var email = await site.CreateUserAsync(Roles.Administrator);
        var client = await site.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire/recurring")).StatusCode);

        var response = await client.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "reminders" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TwoFactorSteps.ManageUrl, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_held_back_editor_sees_a_notice_on_every_page_until_two_factor_is_on()
    {
        var email = await site.CreateUserAsync(Roles.DepartmentHead);
        var client = await site.SignedInClientAsync(email);

        foreach (var url in new[] { "/", "/Stakeholders", $"/Milestones?strategyId={site.StrategyId}" })
        {
            var notice = (await client.GetDocumentAsync(url)).QuerySelector(".alert-warning");
            Assert.NotNull(notice);
            Assert.Contains("Du skal slå to-trinsbekræftelse til, før du kan ændre data.", notice.TextContent);
            Assert.NotNull(notice.QuerySelector($"a[href='{TwoFactorSteps.ManageUrl}']"));
        }

        await client.EnableAsync();
        Assert.Empty((await client.GetDocumentAsync("/")).QuerySelectorAll(".alert-warning"));
    }

    [Fact]
    public async Task Signing_out_and_switching_language_still_work_for_a_held_back_editor()
    {
        var email = await site.CreateUserAsync(Roles.Administrator);
        var client = await site.SignedInClientAsync(email);

        var language = await client.SubmitAsync("/", new Dictionary<string, string>(), "form[action='/Localization/SetLanguage']");
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Equal("/", language.Headers.Location!.OriginalString);
        Assert.Equal("en", (await client.GetDocumentAsync("/")).DocumentElement.GetAttribute("lang"));

        var signOut = await client.SubmitAsync("/", new Dictionary<string, string>(), "form[action='/Identity/Account/Logout']");
        Assert.Equal("/Identity/Account/Login", signOut.Headers.Location!.OriginalString);
        Assert.StartsWith("/Identity/Account/Login", (await client.GetAsync("/")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_held_back_editor_cannot_turn_two_factor_off_once_it_is_on()
    {
        var email = await site.CreateUserAsync(Roles.Administrator);
        var client = await site.SignedInClientAsync(email);
        await client.EnableAsync();

        var manage = await client.GetDocumentAsync(TwoFactorSteps.ManageUrl);
        Assert.Null(manage.QuerySelector("form[action*='handler=Disable']"));

        // Not even by posting the form of a page that has it.
        var token = manage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"{TwoFactorSteps.ManageUrl}?handler=Disable", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = site.CreateDbContext();
        Assert.True(await db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
        Assert.Contains("påkrævet", (await client.GetDocumentAsync(TwoFactorSteps.ManageUrl)).QuerySelector(".alert-error")!.TextContent);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Committee)]
    public async Task Staff_and_committee_members_are_never_held_back(string role)
    {
        var email = await site.CreateUserAsync(role);
        var client = await site.SignedInClientAsync(email);

        var home = await client.GetDocumentAsync("/");
        var response = await client.SubmitAsync("/Reminders/Preferences", new Dictionary<string, string>(), "main form.all-reminders");

        Assert.Empty(home.QuerySelectorAll(".alert-warning"));
        Assert.Equal("/Reminders/Preferences", response.Headers.Location!.OriginalString);
        await using var db = site.CreateDbContext();
        Assert.True(await db.ReminderOptOuts.AnyAsync(o => o.Email == email));

        // They may turn it on and off as they like.
        await client.EnableAsync();
        var off = await client.SubmitAsync(TwoFactorSteps.ManageUrl, new Dictionary<string, string>(), "form[action*='handler=Disable']");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
    }
}
