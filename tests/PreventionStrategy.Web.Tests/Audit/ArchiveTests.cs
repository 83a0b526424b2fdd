using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Audit;

/// <summary>A milestone with status history is archived, not deleted: hidden everywhere, listed in the archive, restorable.</summary>
public sealed class ArchiveTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_milestone_with_status_history_is_archived_on_delete_hidden_everywhere_and_can_be_restored()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        const string title = "Arkivprøve: familieplejeseminar";
        var id = await CreateMilestoneAsync(client, title);
        await using (var db = site.CreateDbContext())
        {
            db.MilestoneStatusUpdates.Add(new MilestoneStatusUpdate
            {
                MilestoneId = id,
                UpdatedByName = "Lars Leder",
                UpdatedAtUtc = DateTime.UtcNow,
                OldStatus = MilestoneStatus.Planned,
                NewStatus = MilestoneStatus.AtRisk,
                NewProgressPercent = 10,
                Comment = "Underviseren har meldt afbud.",
            });
            await db.SaveChangesAsync();
        }

        var listUrl = $"/Milestones?strategyId={site.Ids.Strategy}&from=2031-01-01&to=2031-12-31";
        var dashboardUrl = $"/Plans/Dashboard/{site.Ids.Strategy}";
        var exportUrl = $"/Plans/Import?handler=Export&id={site.Ids.Strategy}";
        Assert.Contains(title, (await client.GetDocumentAsync(listUrl)).Body!.TextContent);
        Assert.Contains(title, (await client.GetDocumentAsync(dashboardUrl)).Body!.TextContent);
        Assert.Contains(title, await client.GetStringAsync(exportUrl));

        var deleted = await client.SubmitAsync($"/Milestones/Edit/{id}", new Dictionary<string, string>(), "main form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var next = await client.GetDocumentAsync(deleted.Headers.Location!.OriginalString);
        Assert.Contains("arkiveret i stedet for slettet", next.QuerySelector(".alert-success")!.TextContent);

        await using (var db = site.CreateDbContext())
        {
            var stored = await db.Milestones.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id);
            Assert.True(stored.IsArchived);
            Assert.Equal(1, await db.MilestoneStatusUpdates.IgnoreQueryFilters().CountAsync(u => u.MilestoneId == id));
            Assert.False(await db.Milestones.AnyAsync(m => m.Id == id), "the query filter hides archived milestones");
            Assert.False(await db.MilestoneStatusUpdates.AnyAsync(u => u.MilestoneId == id), "and their history");
            var archived = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "Milestone" && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == AuditAction.Archived);
            Assert.Equal("Anne Administrator", archived.UserName);
        }

        // Hidden from the list, the dashboard, its own page and the export.
        Assert.DoesNotContain(title, (await client.GetDocumentAsync(listUrl)).Body!.TextContent);
        Assert.DoesNotContain(title, (await client.GetDocumentAsync(dashboardUrl)).Body!.TextContent);
        Assert.DoesNotContain(title, await client.GetStringAsync(exportUrl));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Milestones/Details/{id}")).StatusCode);

        // Listed in the archive, with a restore button.
        var archive = await client.GetDocumentAsync("/Milestones/Archive");
        var row = archive.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(title));
        Assert.Contains("2. kvartal 2031", row.TextContent);
        var restoreAction = row.QuerySelector("form")!.GetAttribute("action")!;

        var restored = await client.SubmitAsync("/Milestones/Archive", new Dictionary<string, string>(), $"main form[action='{restoreAction}']");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal($"/Milestones/Details/{id}", restored.Headers.Location!.OriginalString);
        Assert.Contains(title, (await client.GetDocumentAsync(listUrl)).Body!.TextContent);
        Assert.DoesNotContain(title, (await client.GetDocumentAsync("/Milestones/Archive")).Body!.TextContent);
        await using (var db = site.CreateDbContext())
        {
            Assert.True(await db.Milestones.AnyAsync(m => m.Id == id));
        }
    }

    [Fact]
    public async Task A_milestone_without_history_is_deleted()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        const string title = "Sletteprøve: milepæl uden historik";
        var id = await CreateMilestoneAsync(client, title);

        var deleted = await client.SubmitAsync($"/Milestones/Edit/{id}", new Dictionary<string, string>(), "main form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var next = await client.GetDocumentAsync(deleted.Headers.Location!.OriginalString);
        Assert.Contains("er slettet", next.QuerySelector(".alert-success")!.TextContent);

        await using var db = site.CreateDbContext();
        Assert.False(await db.Milestones.IgnoreQueryFilters().AnyAsync(m => m.Id == id));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "Milestone" && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == AuditAction.Deleted);
        Assert.Equal(title, entry.Label);
        Assert.DoesNotContain(title, (await client.GetDocumentAsync("/Milestones/Archive")).Body!.TextContent);
    }

    [Fact]
    public async Task Restoring_a_milestone_that_is_not_archived_gives_404()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var token = (await client.GetDocumentAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/Milestones/Archive?handler=Restore&id={site.Ids.Milestone}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<int> CreateMilestoneAsync(HttpClient client, string title)
    {
        var response = await client.SubmitAsync($"/Milestones/Edit?strategyId={site.Ids.Strategy}", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = nameof(MilestoneKind.ThemeDay),
            ["Input.Timing.Precision"] = nameof(TimingPrecision.Quarter),
            ["Input.Timing.Year"] = "2031",
            ["Input.Timing.Period"] = "2",

            // At risk, so the dashboard lists it before it is archived.
            ["Input.Status"] = nameof(MilestoneStatus.AtRisk),
            ["Input.ProgressPercent"] = "10",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }
}
