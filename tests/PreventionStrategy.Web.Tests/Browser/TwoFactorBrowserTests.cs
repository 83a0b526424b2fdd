using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PreventionStrategy.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>Turning on two-factor authentication the way a person does: read the key off the page, type the app's code.</summary>
public sealed class TwoFactorBrowserTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private readonly Screenshots screenshots = new(output, nameof(Department_head_turns_on_two_factor_with_the_key_on_the_page_and_signs_in_again_with_a_code));

    [Fact]
    public async Task Department_head_turns_on_two_factor_with_the_key_on_the_page_and_signs_in_again_with_a_code()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = BrowserSite.WatchForProblems(page);
        var step = "start";
        try
        {
            await BrowserSite.SignInAsync(page, DemoUsers.DepartmentHead);

            // From the header, next to the user's name.
            step = "1-manage";
            await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "To-trinsbekræftelse", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "To-trinsbekræftelse" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#two-factor-status")).ToHaveTextAsync("To-trinsbekræftelse er slået fra.");
            await page.GetByRole(AriaRole.Link, new() { Name = "Slå to-trinsbekræftelse til", Exact = true }).ClickAsync();

            // The QR code is drawn and sized by the site's stylesheet; the key is there to type by hand.
            step = "2-enable";
            var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR-kode med nøglen til godkenderappen" });
            await Assertions.Expect(qr).ToBeVisibleAsync();
            var box = await qr.Locator("svg").BoundingBoxAsync();
            Assert.True(box is { Width: > 150 and < 400 } && Math.Abs(box.Width - box.Height) < 1, $"The QR code is drawn {box?.Width}x{box?.Height}");
            await screenshots.TakeAsync(page, step);
            var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", string.Empty);
            await page.GetByLabel("Kode fra godkenderappen").FillAsync(Totp.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Bekræft og slå til", Exact = true }).ClickAsync();

            step = "3-recovery-codes";
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Dine gendannelseskoder" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("To-trinsbekræftelse er slået til.");
            await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
            await screenshots.TakeAsync(page, step);

            step = "4-sign-out";
            await page.GetByRole(AriaRole.Button, new() { Name = "Log ud", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/Login", RegexOptions.IgnoreCase));

            // The password alone is not enough any more: the next page asks for the code.
            step = "5-sign-in";
            await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(DemoUsers.DepartmentHead);
            await page.GetByLabel("Adgangskode", new() { Exact = true }).FillAsync(Pages.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Indtast kode" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Brug en gendannelseskode" })).ToBeVisibleAsync();
            await screenshots.TakeAsync(page, step);
            await page.GetByLabel("Kode fra godkenderappen").FillAsync(Totp.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();

            step = "6-signed-in";
            await Assertions.Expect(page.Locator("strong.authority-name", new() { HasTextString = DemoUsers.DepartmentHead })).ToBeVisibleAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"^https?://[^/]+/(\?.*)?$"));

            Assert.True(problems.Count == 0, "The browser met errors on the way:\n" + string.Join("\n", problems));
        }
        finally
        {
            await screenshots.TryTakeAsync(page, step);
        }
    }
}
