using System.Net.Http.Headers;
using System.Text;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Plans;

/// <summary>Plan files of the sizes an outside probe sent: long unit chains, many milestones, many unused persons.</summary>
public static class GeneratedPlans
{
    /// <summary>A plan whose units are chained: unit i sits under unit i-1.</summary>
    public static string UnitChain(int depth)
    {
        var stakeholders = Enumerable.Range(0, depth).Select(i =>
            $"{{\"key\":\"u{i}\",\"kind\":\"unit\",\"name\":\"Enhed {i}\"{(i == 0 ? string.Empty : $",\"unitKey\":\"u{i - 1}\"")}}}");
        return Plan($"Kæde {depth}", stakeholders, []);
    }

    /// <summary>A plan whose milestones wait for each other in a chain.</summary>
    public static string PreconditionChain(int depth)
    {
        var milestones = Enumerable.Range(0, depth).Select(i =>
            Milestone(i, i == 0 ? string.Empty : $",\"preconditionKey\":\"m{i - 1}\""));
        return Plan($"Forudsætninger {depth}", [], milestones);
    }

    /// <summary>A plan with many milestones (about 95 bytes each: 48,000 is about the probe's 4.65 MB).</summary>
    public static string ManyMilestones(int count, string name) =>
        Plan(name, [], Enumerable.Range(0, count).Select(i => Milestone(i, string.Empty)));

    /// <summary>A plan with persons nothing refers to.</summary>
    public static string UnusedPersons(int count, string name) =>
        Plan(name, Enumerable.Range(0, count).Select(i => $"{{\"key\":\"p{i}\",\"kind\":\"person\",\"name\":\"Person {i}\"}}"), [Milestone(0, string.Empty)]);

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json, CancellationToken cancellationToken = default)
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
        return await client.PostAsync("/Plans/Import", form, cancellationToken);
    }

    private static string Milestone(int i, string extra) =>
        $"{{\"key\":\"m{i}\",\"title\":\"Milepæl {i}\",\"kind\":\"other\",\"timing\":{{\"precision\":\"year\",\"year\":2025}}{extra}}}";

    private static string Plan(string name, IEnumerable<string> stakeholders, IEnumerable<string> milestones) =>
        $"{{\"formatVersion\":1,\"strategy\":{{\"name\":\"{name}\",\"municipality\":\"Testkommune\",\"division\":\"Test\",\"status\":\"active\"}},"
        + $"\"stakeholders\":[{string.Join(',', stakeholders)}],\"focusAreas\":[],\"milestones\":[{string.Join(',', milestones)}],\"budgetInitiatives\":[]}}";
}
