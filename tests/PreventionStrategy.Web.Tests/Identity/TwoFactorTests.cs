using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Identity;

/// <summary>Turning on two-factor authentication and signing in with it (the requirement for editors is off here, as in the demo).</summary>
public sealed class TwoFactorTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_key_on_the_setup_page_and_a_right_code_turn_two_factor_on_and_ten_recovery_codes_are_shown_once()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var client = await site.SignedInClientAsync(email);

        var (key, codes) = await client.EnableAsync();

        Assert.Equal(32, key.Length);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        await using var db = site.CreateDbContext();
        Assert.True(await db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
        var enabled = await db.AuditEntries.SingleAsync(e => e.Action == PreventionStrategy.Web.Features.Audit.AuditAction.TwoFactorEnabled && e.Label == email);
        Assert.Equal("127.0.0.1", enabled.IpAddress);
        Assert.DoesNotContain(key, enabled.Changes);

        // Shown once: the page has nothing to show a second time.
        var again = await client.GetDocumentAsync("/Identity/TwoFactor/RecoveryCodes");
        Assert.Empty(TwoFactorSteps.RecoveryCodesOn(again));
        Assert.Contains("vises kun én gang", again.QuerySelector("main")!.TextContent);

        var manage = await client.GetDocumentAsync(TwoFactorSteps.ManageUrl);
        Assert.Equal("To-trinsbekræftelse er slået til.", manage.QuerySelector("#two-factor-status")!.TextContent.Trim());
        Assert.Contains("Du har 10 ubrugte gendannelseskoder.", manage.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_setup_page_draws_the_QR_code_as_inline_SVG_without_style_attributes_and_offers_the_otpauth_link()
    {
        var email = await site.CreateUserAsync(Roles.Committee);
        var client = await site.SignedInClientAsync(email);

        var page = await client.GetDocumentAsync(TwoFactorSteps.EnableUrl);

        var key = TwoFactorSteps.KeyOn(page);
        var grouped = page.QuerySelector("#authenticator-key")!.TextContent;
        Assert.Matches("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$", grouped);
        var qr = page.QuerySelector(".qr-code[role=img] svg")!;
        Assert.NotNull(qr.GetAttribute("viewBox"));
        Assert.NotEmpty(qr.QuerySelectorAll("path[fill]"));
        Assert.Empty(page.QuerySelectorAll("[style], style, main script, img[src^='data:']"));
        var encodedEmail = Uri.EscapeDataString(email);
        Assert.Equal(
            $"otpauth://totp/Forebyggende%20strategi:{encodedEmail}?secret={key}&issuer=Forebyggende%20strategi&digits=6",
            page.QuerySelector("a[href^='otpauth:']")!.GetAttribute("href"));

        // The same key on every visit until it is confirmed: a person may scan it and come back.
        Assert.Equal(key, TwoFactorSteps.KeyOn(await client.GetDocumentAsync(TwoFactorSteps.EnableUrl)));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_in_Danish_and_two_factor_stays_off()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var client = await site.SignedInClientAsync(email);
        var page = await client.GetDocumentAsync(TwoFactorSteps.EnableUrl);
        var key = TwoFactorSteps.KeyOn(page);

        var response = await client.SubmitFormAsync(page, TwoFactorSteps.EnableUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await response.ParseAsync();
        Assert.Contains(refused.ErrorMessages(), message => message.StartsWith("Koden er forkert.", StringComparison.Ordinal));
        Assert.Equal(key, TwoFactorSteps.KeyOn(refused));
        await using var db = site.CreateDbContext();
        Assert.False(await db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
    }

    [Fact]
    public async Task Signing_in_as_a_two_factor_user_asks_for_the_code_and_a_right_code_signs_in()
    {
        var email = await site.CreateUserAsync(Roles.DepartmentHead);
        var (key, _) = await (await site.SignedInClientAsync(email)).EnableAsync();

        var client = site.CreateBrowserlessClient();
        var password = await client.PasswordStepAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var codeUrl = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/Identity/Account/LoginWithCode", codeUrl);

        // A right password alone signs nobody in.
        var before = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", before.Headers.Location!.PathAndQuery);

        var codePage = await client.GetDocumentAsync(codeUrl);
        Assert.Equal("Indtast kode", codePage.QuerySelector("h1")!.TextContent);
        Assert.NotNull(codePage.QuerySelector("a[href*='LoginWithRecoveryCode']"));
        var wrong = await client.SubmitFormAsync(codePage, codeUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(
            "Koden er forkert. Prøv igen med den kode, appen viser nu, og tjek at telefonens ur går rigtigt.",
            (await wrong.ParseAsync()).ErrorMessages());

        var right = await client.SubmitAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.OriginalString);
        var home = await client.GetDocumentAsync("/");
        Assert.Contains(email, home.QuerySelector("header")!.TextContent);
    }

    [Fact]
    public async Task The_code_step_goes_back_to_where_the_person_was_going()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var (key, _) = await (await site.SignedInClientAsync(email)).EnableAsync();
        var client = site.CreateBrowserlessClient();

        var password = await client.SubmitAsync("/Identity/Account/Login?ReturnUrl=%2FStakeholders", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Pages.DemoPassword,
        });
        var code = await client.SubmitAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal("/Stakeholders", code.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Six_wrong_codes_lock_the_account_like_six_wrong_passwords()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var (key, _) = await (await site.SignedInClientAsync(email)).EnableAsync();
        var client = site.CreateBrowserlessClient();
        var codeUrl = (await client.PasswordStepAsync(email)).Headers.Location!.OriginalString;
        var wrongCode = Totp.WrongCode(key, DateTimeOffset.UtcNow);

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await client.SubmitAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = wrongCode });
        }

        // Even the right code is refused now.
        var locked = await client.SubmitAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        await AssertLockedOutAsync(locked, email);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_not_twice()
    {
        var email = await site.CreateUserAsync(Roles.Committee);
        var (_, codes) = await (await site.SignedInClientAsync(email)).EnableAsync();

        var first = await SignInWithRecoveryCodeAsync(email, codes[3]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await SignInWithRecoveryCodeAsync(email, codes[3]);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Gendannelseskoden er forkert eller allerede brugt.", (await second.ParseAsync()).ErrorMessages());

        // The others still work, typed as people type them.
        var third = await SignInWithRecoveryCodeAsync(email, $" {codes[4].ToLowerInvariant()} ");
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
    }

    [Fact]
    public async Task Wrong_recovery_codes_count_towards_the_lock_out_and_a_locked_account_cannot_use_a_right_one()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var (_, codes) = await (await site.SignedInClientAsync(email)).EnableAsync();
        var client = site.CreateBrowserlessClient();
        await client.PasswordStepAsync(email);

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await client.SubmitAsync("/Identity/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.Code"] = "AAAAA-BBBBB" });
        }

        var locked = await client.SubmitAsync("/Identity/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        await AssertLockedOutAsync(locked, email);
    }

    [Fact]
    public async Task Signing_in_with_a_recovery_code_says_how_many_are_left()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var (_, codes) = await (await site.SignedInClientAsync(email)).EnableAsync();
        var client = site.CreateBrowserlessClient();
        await client.PasswordStepAsync(email);

        var response = await client.SubmitAsync("/Identity/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        var home = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("Du har 9 tilbage", home.QuerySelector(".alert-success")!.TextContent);
    }

    [Fact]
    public async Task New_recovery_codes_make_the_old_ones_stop_working()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var client = await site.SignedInClientAsync(email);
        var (_, oldCodes) = await client.EnableAsync();

        var response = await client.SubmitAsync(TwoFactorSteps.ManageUrl, new Dictionary<string, string>(), "form[action*='handler=RecoveryCodes']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newCodes = TwoFactorSteps.RecoveryCodesOn(await client.GetDocumentAsync(response.Headers.Location!.OriginalString));

        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        var old = await SignInWithRecoveryCodeAsync(email, oldCodes[0]);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("Gendannelseskoden er forkert eller allerede brugt.", (await old.ParseAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithRecoveryCodeAsync(email, newCodes[0])).StatusCode);
    }

    [Fact]
    public async Task A_remembered_device_is_not_asked_for_the_code_again()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var (key, _) = await (await site.SignedInClientAsync(email)).EnableAsync();
        var client = site.CreateBrowserlessClient();
        var codeUrl = (await client.PasswordStepAsync(email)).Headers.Location!.OriginalString;
        await client.SubmitAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key), ["Input.RememberMachine"] = "true" });
        await client.SubmitAsync("/", new Dictionary<string, string>(), "form[action='/Identity/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var again = await client.PasswordStepAsync(email);

        Assert.Equal("/", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Staff_may_turn_two_factor_off_and_then_sign_in_with_the_password_alone()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var client = await site.SignedInClientAsync(email);
        await client.EnableAsync();

        var response = await client.SubmitAsync(TwoFactorSteps.ManageUrl, new Dictionary<string, string>(), "form[action*='handler=Disable']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var manage = await client.GetDocumentAsync(TwoFactorSteps.ManageUrl);
        Assert.Equal("To-trinsbekræftelse er slået fra.", manage.QuerySelector("#two-factor-status")!.TextContent.Trim());
        Assert.Equal("/", (await site.CreateBrowserlessClient().PasswordStepAsync(email)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Resetting_the_key_turns_two_factor_off_and_the_old_apps_codes_stop_working()
    {
        var email = await site.CreateUserAsync(Roles.Staff);
        var client = await site.SignedInClientAsync(email);
        var (oldKey, _) = await client.EnableAsync();

        var response = await client.SubmitAsync(TwoFactorSteps.ManageUrl, new Dictionary<string, string>(), "form[action*='handler=ResetKey']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setup = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var newKey = TwoFactorSteps.KeyOn(setup);
        Assert.NotEqual(oldKey, newKey);
        var withOldKey = await client.SubmitFormAsync(setup, TwoFactorSteps.EnableUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(oldKey) });
        Assert.Equal(HttpStatusCode.OK, withOldKey.StatusCode);

        // This browser stays signed in throughout, and the new key works.
        var (keyAfter, _) = await client.EnableAsync();
        Assert.Equal(newKey, keyAfter);
    }

    [Fact]
    public async Task With_the_requirement_off_an_administrator_without_two_factor_changes_data_and_sees_no_notice()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var title = $"Uden to-trinsbekræftelse {Guid.NewGuid():N}";

        var home = await client.GetDocumentAsync("/");
        var response = await client.SubmitAsync($"/Milestones/Edit?strategyId={site.Ids.Strategy}", Milestone(title));

        Assert.Empty(home.QuerySelectorAll(".alert-warning"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Milestones/Details/", response.Headers.Location!.OriginalString);
        await using var db = site.CreateDbContext();
        Assert.True(await db.Milestones.AnyAsync(m => m.Title == title));
    }

    internal static Dictionary<string, string> Milestone(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = nameof(MilestoneKind.Deliverable),
        ["Input.Timing.Precision"] = nameof(TimingPrecision.Quarter),
        ["Input.Timing.Year"] = "2026",
        ["Input.Timing.Period"] = "3",
        ["Input.Status"] = nameof(MilestoneStatus.Planned),
        ["Input.ProgressPercent"] = "0",
    };

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(string email, string code)
    {
        var client = site.CreateBrowserlessClient();
        var password = await client.PasswordStepAsync(email);
        Assert.StartsWith("/Identity/Account/LoginWithCode", password.Headers.Location!.OriginalString);
        var codePage = await client.GetDocumentAsync(password.Headers.Location!.OriginalString);
        var recoveryUrl = codePage.QuerySelector("a[href*='LoginWithRecoveryCode']")!.GetAttribute("href")!;
        return await client.SubmitAsync(recoveryUrl, new Dictionary<string, string> { ["Input.Code"] = code });
    }

    /// <summary>The right code refused with the lock-out message, and the account locked in the database.</summary>
    private async Task AssertLockedOutAsync(HttpResponseMessage refused, string email)
    {
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "Der har været for mange forkerte forsøg, og kontoen er midlertidigt spærret. Prøv igen senere.",
            (await refused.ParseAsync()).ErrorMessages());
        await using var db = site.CreateDbContext();
        Assert.True(await db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync() > DateTimeOffset.UtcNow);
    }
}
