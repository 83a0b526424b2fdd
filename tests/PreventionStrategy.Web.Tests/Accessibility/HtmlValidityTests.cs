using System.Diagnostics;
using System.Text.Json;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Browser;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Accessibility;

/// <summary>
/// Every page of the page table, and the front page and owners' pages as each role sees them, passes the Nu HTML
/// checker (npm <c>vnu-jar</c>, installed into wwwroot-assets by the build's <c>npm ci</c>; Java runs it) with no
/// errors. One Java process checks all pages at once: its start-up is most of the cost.
/// </summary>
[Trait("Category", "Accessibility")]
public sealed class HtmlValidityTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly string[] NotHtml = ["handler=Csv", "handler=Excel", "handler=Export", "handler=Template", "/hangfire"];

    [Fact]
    public async Task Every_page_passes_the_Nu_HTML_checker_with_no_errors()
    {
        // Ids must be unique whatever the data: a milestone both overdue and at risk is on two dashboard lists' worth of rules.
        var leader = await site.UserIdAsync(DemoUsers.DepartmentHead);
        await site.CreateMilestoneAsync($"Over tid og i risiko {MilestoneTestData.Unique()}", leader, PlannedTiming.OnDay(MilestoneTestData.DanishToday.AddDays(-4)), MilestoneStatus.AtRisk);
        await site.CreateMilestoneAsync($"I risiko {MilestoneTestData.Unique()}", leader, PlannedTiming.OnDay(MilestoneTestData.DanishToday.AddDays(14)), MilestoneStatus.AtRisk);

        // A status history to draw on the details page.
        await using (var db = site.CreateDbContext())
        {
            db.MilestoneStatusUpdates.Add(new MilestoneStatusUpdate { MilestoneId = site.Ids.Milestone, UpdatedAtUtc = DateTime.UtcNow.AddDays(-1), UpdatedByName = "Lars Leder", OldStatus = MilestoneStatus.Planned, NewStatus = MilestoneStatus.InProgress, Comment = "Godt i gang" });
            await db.SaveChangesAsync();
        }

        var folder = Directory.CreateTempSubdirectory("vnu-");
        try
        {
            var files = new Dictionary<string, string>();
            async Task SaveAsync(string? who, string url)
            {
                var client = await site.ClientFor(who);
                var html = await client.GetStringAsync(url);
                var file = Path.Combine(folder.FullName, $"{files.Count:000}.html");
                await File.WriteAllTextAsync(file, html);
                files[file] = $"{url} as {who ?? "anonymous"}";
            }

            foreach (var (template, _) in SitePages.All.Where(p => !NotHtml.Any(n => p.Template.Contains(n, StringComparison.Ordinal))))
            {
                await SaveAsync(DemoUsers.Administrator, SitePages.Resolve(template, site.Ids));
            }

            foreach (var who in new[] { DemoUsers.DepartmentHead, DemoUsers.Staff, DemoUsers.Committee })
            {
                await SaveAsync(who, "/");
            }

            await SaveAsync(DemoUsers.DepartmentHead, $"/Plans/Dashboard/{site.Ids.Strategy}");
            await SaveAsync(DemoUsers.DepartmentHead, "/Milestones/Mine");
            await SaveAsync(DemoUsers.DepartmentHead, $"/Milestones?strategyId={site.Ids.Strategy}");
            await SaveAsync(null, "/Identity/Account/Login");

            var errors = await CheckAsync(files.Keys);
            var described = errors.Select(e => $"{files.GetValueOrDefault(e.Url.Replace("file:", string.Empty, StringComparison.Ordinal), e.Url)} line {e.LastLine}: {e.Message}\n    {e.Extract}").ToList();
            Assert.True(described.Count == 0, $"{described.Count} HTML errors:\n" + string.Join("\n", described));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<VnuMessage>> CheckAsync(IEnumerable<string> files)
    {
        var jar = Path.Combine(Axe.RepositoryRoot(), "wwwroot-assets", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} is missing: run `npm ci` in wwwroot-assets (dotnet build does it).");
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-Xss1024k", "-jar", jar, "--errors-only", "--format", "json", "--stdout", "--exit-zero-always" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var java = Process.Start(start)!;
        var output = java.StandardOutput.ReadToEndAsync();
        var error = java.StandardError.ReadToEndAsync();
        await java.WaitForExitAsync();
        Assert.True(java.ExitCode == 0, $"vnu exited {java.ExitCode}: {await error}");
        var report = JsonSerializer.Deserialize<VnuReport>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return report.Messages.Where(m => m.Type == "error" || m.SubType == "fatal").ToList();
    }

    private sealed record VnuReport(List<VnuMessage> Messages);

    private sealed record VnuMessage(string Type, string? SubType, string Url, int LastLine, string Message, string? Extract);
}
