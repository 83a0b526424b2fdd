using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.FocusAreas;

/// <summary>A focus area's status: the documented rule, and an administrator's override that must be justified.</summary>
public sealed class FocusAreaStatusTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData(new[] { BriefingState.Done, BriefingState.Planned, BriefingState.InProgress, BriefingState.Cancelled }, FocusAreaStatus.OnTrack)]
    [InlineData(new BriefingState[0], FocusAreaStatus.OnTrack)]
    [InlineData(new[] { BriefingState.Done, BriefingState.AtRisk }, FocusAreaStatus.NeedsAttention)]
    [InlineData(new[] { BriefingState.AtRisk, BriefingState.Delayed }, FocusAreaStatus.OffTrack)]
    [InlineData(new[] { BriefingState.Planned, BriefingState.Overdue }, FocusAreaStatus.OffTrack)]
    public void The_rule_is_off_track_on_any_overdue_or_delayed_milestone_else_attention_on_any_at_risk(BriefingState[] states, FocusAreaStatus expected) =>
        Assert.Equal(expected, FocusAreaStatusRule.Of(states));

    [Fact]
    public async Task An_override_without_a_justification_is_refused_with_a_Danish_message_and_nothing_is_saved()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var id = await SecondAreaAsync();

        var response = await client.SubmitAsync($"/FocusAreas/Status/{id}", new Dictionary<string, string> { ["Input.Override"] = "OnTrack", ["Input.Justification"] = "  kort " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Skriv en begrundelse på mindst 10 tegn, når du sætter en anden status end reglens.", (await response.ParseAsync()).ErrorMessages());
        await using var db = site.CreateDbContext();
        var area = await db.FocusAreas.AsNoTracking().SingleAsync(f => f.Id == id);
        Assert.Null(area.StatusOverride);
        Assert.Null(area.StatusOverrideJustification);
    }

    [Fact]
    public async Task A_justified_override_is_stored_with_who_and_when_audited_and_shown_on_the_page_and_in_the_briefing()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var id = await FirstAreaAsync();
        const string why = "Mapping-dagen er holdt; de resterende milepæle er flyttet efter aftale med udvalget.";

        var response = await client.SubmitAsync($"/FocusAreas/Status/{id}", new Dictionary<string, string> { ["Input.Override"] = "NeedsAttention", ["Input.Justification"] = why });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = site.CreateDbContext();
        var area = await db.FocusAreas.AsNoTracking().SingleAsync(f => f.Id == id);
        Assert.Equal(FocusAreaStatus.NeedsAttention, area.StatusOverride);
        Assert.Equal(why, area.StatusOverrideJustification);
        Assert.False(string.IsNullOrEmpty(area.StatusOverrideByName));
        Assert.NotNull(area.StatusOverrideAtUtc);
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == nameof(FocusArea) && e.EntityId == id.ToString()).Select(e => e.Changes).ToListAsync(), c => c.Contains(why, StringComparison.Ordinal));

        var page = await (await site.ClientFor(DemoUsers.Committee)).GetDocumentAsync($"/FocusAreas/Details/{id}");
        var status = page.QuerySelector("#status")!.TextContent;
        Assert.Contains("Kræver opmærksomhed", status);
        Assert.Contains(why, status);
        var list = await (await site.ClientFor(DemoUsers.Committee)).GetDocumentAsync($"/FocusAreas?strategyId={site.Ids.Strategy}");
        Assert.Contains(list.QuerySelectorAll(".focus-area-status"), s => s.GetAttribute("data-status") == "NeedsAttention");

        using var scope = site.Services.CreateScope();
        var model = await scope.ServiceProvider.GetRequiredService<BriefingModelBuilder>().BuildAsync(site.Ids.Strategy, null, null, null);
        var briefed = model.FocusAreas.First(a => a.Title == area.Title).Status!;
        Assert.Equal(FocusAreaStatus.NeedsAttention, briefed.Status);
        Assert.True(briefed.Overridden);
        Assert.Contains(why, briefed.BasisText);
    }

    [Fact]
    public async Task A_stale_override_form_is_refused_and_says_someone_else_saved()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var id = await ThirdAreaAsync();
        var form = await client.GetDocumentAsync($"/FocusAreas/Status/{id}");
        await using (var db = site.CreateDbContext())
        {
            var area = await db.FocusAreas.SingleAsync(f => f.Id == id);
            area.Description = "Ændret af en anden imens.";
            await db.SaveChangesAsync();
        }

        var response = await client.SubmitFormAsync(form, $"/FocusAreas/Status/{id}", new Dictionary<string, string> { ["Input.Override"] = "OnTrack", ["Input.Justification"] = "Udvalget har godkendt den nye plan for området." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseAsync()).ErrorMessages(), m => m.StartsWith("En anden har gemt ændringer", StringComparison.Ordinal));
        await using var check = site.CreateDbContext();
        Assert.Null((await check.FocusAreas.AsNoTracking().SingleAsync(f => f.Id == id)).StatusOverride);
    }

    private Task<int> FirstAreaAsync() => AreaAsync(0);

    private Task<int> SecondAreaAsync() => AreaAsync(1);

    private Task<int> ThirdAreaAsync() => AreaAsync(2);

    private async Task<int> AreaAsync(int index)
    {
        await using var db = site.CreateDbContext();
        return await db.FocusAreas.Where(f => f.StrategyId == site.Ids.Strategy).OrderBy(f => f.SortOrder).Select(f => f.Id).Skip(index).FirstAsync();
    }
}
