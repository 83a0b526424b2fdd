using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Plans;

public sealed class ImportPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_plan_exported_from_the_dashboard_imports_back_as_a_new_strategy()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var export = await admin.GetAsync($"/Plans/Import?handler=Export&id={site.Ids.Strategy}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        var json = await export.Content.ReadAsStringAsync();
        Assert.Contains("Forebyggende strategi for anbringelsesområdet", json);

        var renamed = json.Replace("\"name\": \"Forebyggende strategi for anbringelsesområdet\"", "\"name\": \"Forebyggende strategi (kopi)\"");
        var response = await UploadAsync(admin, renamed);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = site.CreateDbContext();
        var copy = await db.Strategies.SingleAsync(s => s.Name == "Forebyggende strategi (kopi)");
        var original = await db.Milestones.CountAsync(m => m.StrategyId == site.Ids.Strategy);
        Assert.Equal(original, await db.Milestones.CountAsync(m => m.StrategyId == copy.Id));
    }

    [Fact]
    public async Task A_broken_file_is_rejected_with_a_Danish_message_and_nothing_is_saved()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        await using var db = site.CreateDbContext();
        var before = await db.Strategies.CountAsync();

        var response = await UploadAsync(admin, "{ \"formatVersion\": 1, \"strategy\": ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await response.ParseAsync()).ErrorMessages();
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Contains("JSON", StringComparison.Ordinal));
        Assert.Equal(before, await db.Strategies.CountAsync());
    }

    [Fact]
    public async Task Posting_without_a_file_asks_for_one()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync("/Plans/Import", new Dictionary<string, string>());
        Assert.Contains("Vælg en fil.", (await response.ParseAsync()).ErrorMessages());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json)
    {
        var page = await client.GetDocumentAsync("/Plans/Import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "Upload", "plan.json" },
        };
        return await client.PostAsync("/Plans/Import", form);
    }
}
