using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>Full-page screenshots for people to look at, never asserted: bin/…/screenshots/{name}-{step}.png.</summary>
public sealed class Screenshots(ITestOutputHelper output, string name)
{
    public async Task TakeAsync(IPage page, string step)
    {
        if (page.IsClosed)
        {
            return;
        }

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var file = Path.Combine(folder, $"{name}-{step}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine($"Screenshot: {file}");
    }

    /// <summary>For a finally block: the page may have gone with the failure that led there, and that failure is the one to report.</summary>
    public async Task TryTakeAsync(IPage page, string step)
    {
        try
        {
            await TakeAsync(page, step);
        }
        catch (PlaywrightException e)
        {
            output.WriteLine($"No screenshot of step {step}: {e.Message}");
        }
    }
}
