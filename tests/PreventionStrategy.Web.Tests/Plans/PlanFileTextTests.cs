using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Plans;

/// <summary>Plan files the JSON parser accepts or misreports, refused with a precise Danish message; and an upload far over the limit.</summary>
public sealed class PlanFileTextTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Plan = "{\"formatVersion\":1,\"strategy\":{\"name\":\"NAME\",\"municipality\":\"Testkommune\",\"division\":\"Test\"},\"milestones\":[]}";

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_as_such_naming_the_line()
    {
        var bytes = Encoding.UTF8.GetBytes(Plan.Replace("NAME", "Plan \u00e6"));
        var latin1 = bytes.ToList();
        var at = latin1.IndexOf(0xC3);
        latin1.RemoveAt(at); // "æ" as one Latin-1 byte, 0xE6: not UTF-8
        latin1[at] = 0xE6;

        var errors = await RefusedAsync([.. latin1]);

        Assert.Contains(errors, e => e.StartsWith("Filen er ikke gemt som UTF-8: byte nr. ", StringComparison.Ordinal) && e.Contains("på linje 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_field_written_twice_is_refused()
    {
        var errors = await RefusedAsync(Encoding.UTF8.GetBytes(Plan.Replace("\"name\":\"NAME\"", "\"name\":\"Første\",\"Name\":\"Anden\"")));

        Assert.Contains(errors, e => e.StartsWith("Feltet 'Name' står to gange i samme objekt (linje 1)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\\u0000", "U+0000")]
    [InlineData("\\u0007", "U+0007")]
    [InlineData("\\u001b", "U+001B")]
    public async Task A_control_character_in_a_text_is_refused(string escaped, string named)
    {
        var errors = await RefusedAsync(Encoding.UTF8.GetBytes(Plan.Replace("NAME", $"Plan{escaped}")));

        Assert.Contains($"Teksten i feltet 'name' (linje 1) indeholder kontroltegnet {named}, som ikke er tilladt i en plan; fjern det.", errors);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_in_a_text_are_kept()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await UploadAsync(admin, Encoding.UTF8.GetBytes(Plan.Replace("NAME", "Linje 1\\nLinje 2\\tmed tab")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_50_MB_upload_is_told_that_the_file_is_too_large_and_the_limit()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);

        var response = await UploadAsync(admin, new byte[50 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var text = (await response.ParseAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains("højst sendes 5 MB", text, StringComparison.Ordinal);
        Assert.DoesNotContain("udløbet", text, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> RefusedAsync(byte[] file)
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        await using var db = site.CreateDbContext();
        var before = await db.Strategies.CountAsync();

        var response = await UploadAsync(admin, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await db.Strategies.CountAsync());
        return (await response.ParseAsync()).ErrorMessages();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes)
    {
        var page = await client.GetDocumentAsync("/Plans/Import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "Upload", "plan.json" },
        };
        return await client.PostAsync("/Plans/Import", form);
    }
}
