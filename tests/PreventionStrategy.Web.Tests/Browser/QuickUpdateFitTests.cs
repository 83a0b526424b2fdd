using Microsoft.Playwright;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>
/// The quick status form opens wide enough to read (issue 20: the select showed "Planla" and the comment box
/// was 80 px wide): on every page that has it, at a laptop's width and a phone's, measured in the browser.
/// </summary>
public sealed class QuickUpdateFitTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private readonly Screenshots screenshots = new(output, "QuickUpdateFit");

    public static TheoryData<string, int> PagesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in new[] { "list", "dashboard", "mine", "front" })
        {
            data.Add(page, 1366);
            data.Add(page, 390);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public async Task Quick_update_controls_are_as_wide_as_their_longest_option_and_the_comment_takes_several_lines(string which, int width)
    {
        var strategyId = await browser.Site.StrategyIdAsync();
        var url = which switch
        {
            "list" => $"/Milestones?strategyId={strategyId}",
            "dashboard" => $"/Plans/Dashboard/{strategyId}",
            "mine" => "/Milestones/Mine",
            _ => "/",
        };
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // Signed in at the desktop width, where the header shows who is signed in, then narrowed.
        await BrowserSite.SignInAsync(page, DemoUsers.DepartmentHead);
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync(url);

        var quick = page.Locator("details.quick-update").First;
        await quick.Locator("summary").ScrollIntoViewIfNeededAsync();
        await quick.Locator("summary").ClickAsync();
        var select = quick.Locator("select");
        var comment = quick.Locator("textarea");
        await Assertions.Expect(select).ToBeVisibleAsync();

        var fit = await select.EvaluateAsync<double[]>(
            """
            select => {
                const style = getComputedStyle(select);
                const context = document.createElement('canvas').getContext('2d');
                context.font = style.font;
                const longest = Math.max(...[...select.options].map(o => context.measureText(o.text).width));
                const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                return [longest, room];
            }
            """);
        var box = await comment.EvaluateAsync<double[]>(
            """
            area => {
                const style = getComputedStyle(area);
                const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
                return [area.clientWidth, area.clientHeight / line];
            }
            """);
        await screenshots.TakeAsync(page, $"{which}-{width}");

        Assert.True(fit[1] >= fit[0], $"{which} at {width} px: the status select has {fit[1]:0} px for text, its longest option needs {fit[0]:0} px");
        Assert.True(box[0] >= Math.Max(fit[0], 200), $"{which} at {width} px: the comment box is {box[0]:0} px wide");
        Assert.True(box[1] >= 2.9, $"{which} at {width} px: the comment box shows {box[1]:0.0} lines");
    }
}
