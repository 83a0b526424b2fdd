using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Identity;

/// <summary>What a person does to turn on two-factor authentication and to sign in with it, through the real pages.</summary>
public static class TwoFactorSteps
{
    public const string ManageUrl = "/Identity/TwoFactor";

    public const string EnableUrl = "/Identity/TwoFactor/Enable";

    /// <summary>A new user with the demo password and one role, so a test may change their sign-in without disturbing others.</summary>
    public static async Task<string> CreateUserAsync(this SiteFactory site, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Test {role}", CreatedAtUtc = DateTime.UtcNow };
        AssertSucceeded(await users.CreateAsync(user, Pages.DemoPassword));
        AssertSucceeded(await users.AddToRoleAsync(user, role));
        return email;
    }

    /// <summary>The key as the setup page shows it, without the spaces between its groups.</summary>
    public static string KeyOn(IHtmlDocument enablePage) =>
        (enablePage.QuerySelector("#authenticator-key")?.TextContent ?? throw new InvalidOperationException("No key on the setup page")).Replace(" ", string.Empty);

    /// <summary>Reads the key from the setup page, types the code an app would show and returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync(EnableUrl);
        var key = KeyOn(page);
        var response = await client.SubmitFormAsync(page, EnableUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Enabling gave {(int)response.StatusCode}: {string.Join(" | ", (await response.ParseAsync()).ErrorMessages())}");
        var codes = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        return (key, RecoveryCodesOn(codes));
    }

    public static IReadOnlyList<string> RecoveryCodesOn(IHtmlDocument page) =>
        page.QuerySelectorAll(".recovery-codes code").Select(code => code.TextContent.Trim()).ToList();

    /// <summary>The first step of signing in; returns the response (a redirect to the code page for a two-factor user).</summary>
    public static Task<HttpResponseMessage> PasswordStepAsync(this HttpClient client, string email, bool rememberMe = false)
    {
        var values = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Pages.DemoPassword };
        if (rememberMe)
        {
            values["Input.RememberMe"] = "true";
        }

        return client.SubmitAsync("/Identity/Account/Login", values);
    }

    /// <summary>Password, then the code from the app: a fresh client signed in as a two-factor user.</summary>
    public static async Task<HttpClient> SignedInWithCodeAsync(this SiteFactory site, string email, string key)
    {
        var client = site.CreateBrowserlessClient();
        var password = await client.PasswordStepAsync(email);
        var codeUrl = password.Headers.Location!.OriginalString;
        var response = await client.SubmitAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in with code gave {(int)response.StatusCode}");
        return client;
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
}
