using System.Net;
using System.Text.RegularExpressions;
using PreventionStrategy.Web.Features.Demo;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Demo;

/// <summary><c>Demo:AsOf</c>: the demo site lives on its chosen day, while the browser's cookies keep real time.</summary>
public sealed partial class DemoClockTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("preventionstrategy-demo-clock-").FullName;

    public void Dispose()
    {
        TempFolders.TryDelete(folder);
    }

    [Fact]
    public void The_demo_day_starts_at_nine_Danish_time_and_moves_on_with_real_time()
    {
        var real = new ShiftedClock();
        var clock = new DemoClock(new DateOnly(2024, 11, 29), real);
        var start = clock.Now();
        Assert.Equal(new DateOnly(2024, 11, 29), clock.Today());
        Assert.InRange(start - new DateTime(2024, 11, 29, 9, 0, 0), TimeSpan.Zero, TimeSpan.FromMinutes(1));

        real.Offset = TimeSpan.FromHours(20);
        Assert.Equal(new DateOnly(2024, 11, 30), clock.Today());
    }

    [Fact]
    public async Task The_demo_environment_shows_the_plan_as_of_its_day_and_a_remembered_sign_in_outlives_it()
    {
        await using var site = new SiteProcess(folder, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "site.db")}",
            ["Email__PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Jobs__ServerEnabled"] = "false",
        });
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = site.BaseAddress };
        var login = await site.FirstAnswerAsync(client, "/Identity/Account/Login");
        var token = Token().Match(await login.Content.ReadAsStringAsync()).Groups[1].Value;
        var signedIn = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.DepartmentHead,
            ["Input.Password"] = DemoSeeder.Password,
            ["Input.RememberMe"] = "true",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = cookies.GetAllCookies().Single(c => c.Name == "PreventionStrategy.Auth");
        Assert.True(auth.Expires > DateTime.Now.AddHours(1), $"the sign-in cookie expires {auth.Expires:u}, in the demo's past");

        // As of 29 November 2024 nothing is overdue yet and the new range of services is at risk; on the real day all eight would be overdue.
        var front = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("0 af 8 milepæle er over tid, 0 forsinket og 1 i risiko", front);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
