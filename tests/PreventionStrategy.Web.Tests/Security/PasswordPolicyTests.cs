using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Security;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Security;

public sealed class PasswordPolicyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("P@ssw0rd2025!")]
    [InlineData("Adgangskode2025")]
    [InlineData("qwerty123456")]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("Sommer2025!!!")]
    [InlineData("  Norddjurs2026!  ")]
    public void Common_passwords_and_common_words_with_digits_around_them_are_refused(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password), password);

    [Theory]
    [InlineData("korte heste spiser blå bananer")]
    [InlineData("Forebyg-2025!")]
    [InlineData("solsikker og søndagskaffe")]
    [InlineData("zK8#pq2!vL0x")]
    public void Passphrases_and_random_passwords_are_accepted_without_composition_rules(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password), password);

    [Theory]
    [InlineData("kort-kode", "Adgangskoden skal være mellem 12 og 200 tegn.")]
    [InlineData("password1234", "Adgangskoden er for almindelig og let at gætte. Brug fx tre-fire tilfældige ord i en sætning.")]
    public async Task Choosing_a_weak_password_shows_why_in_Danish_and_keeps_the_old_one(string password, string message)
    {
        var email = $"svag-{MilestoneTestData.Unique()}@norddjurs.test";
        var userId = await site.CreateUserAsync(email, "Svage Svend", Roles.Staff, null);
        var link = await ResetLinkAsync(userId);
        var client = site.CreateBrowserlessClient();

        var response = await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.OK, (await (await site.SignedInClientAsync(email)).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_password_containing_the_users_email_name_is_refused()
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { FullName = "Bente Bruger", Email = "bente.bruger@norddjurs.test", UserName = "bente.bruger@norddjurs.test" };
        var result = await users.CreateAsync(user, "bente.bruger er min kode");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordContainsEmail");
    }

    private async Task<string> ResetLinkAsync(string userId)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        var token = await users.GeneratePasswordResetTokenAsync(user!);
        return $"/Identity/Account/SetPassword?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";
    }
}
