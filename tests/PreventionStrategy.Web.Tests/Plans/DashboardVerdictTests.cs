using AngleSharp.Html.Dom;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Briefings;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Plans;

/// <summary>The dashboard leads with the same verdict and counts as the committee briefing (issue 20).</summary>
public sealed class DashboardVerdictTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static DateOnly Today => PlantedPlan.Today;

    [Fact]
    public async Task Dashboard_states_the_briefings_verdict_and_counts_overdue_milestones_as_overdue()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        await plan.MilestoneAsync("Glemt temadag", PlannedTiming.OnDay(Today.AddDays(-20)));
        await plan.MilestoneAsync("Glemt afdækning", PlannedTiming.OnDay(Today.AddDays(-3)), MilestoneStatus.InProgress);
        await plan.MilestoneAsync("Usikker levering", PlannedTiming.OnDay(Today.AddDays(30)), MilestoneStatus.AtRisk, comment: "Mangler budget");
        await plan.MilestoneAsync("Klaret", PlannedTiming.OnDay(Today.AddDays(-40)), MilestoneStatus.Done);
        await plan.MilestoneAsync("Kommende", PlannedTiming.OnDay(Today.AddDays(60)));

        var briefing = (await plan.BuildAsync()).Summary;
        var dashboard = await (await site.ClientFor(DemoUsers.Administrator)).GetDocumentAsync($"/Plans/Dashboard/{plan.Strategy.Id}");

        Assert.Equal("Forsinket", briefing.OverallStateText);
        Assert.Equal(briefing.OverallStateText, dashboard.QuerySelector("#overall .verdict-word")?.TextContent.Trim());
        var shown = Counts(dashboard.QuerySelector("section.verdict")!);
        foreach (var count in briefing.StatusCounts)
        {
            Assert.Equal((count.StatusText, count.Count), (count.StatusText, shown.GetValueOrDefault(count.StatusText, -1)));
        }

        Assert.Equal(2, shown["Over tid"]);
        Assert.Equal((1, 0), (shown["Planlagt"], shown["I gang"]));
        Assert.Contains("Mangler budget", dashboard.QuerySelector("h2#at-risk + div table")!.TextContent);
    }

    [Theory]
    [InlineData(MilestoneStatus.AtRisk, "Kræver opmærksomhed")]
    [InlineData(MilestoneStatus.InProgress, "Planen følges")]
    public async Task Dashboard_and_briefing_agree_when_nothing_is_overdue(MilestoneStatus status, string expected)
    {
        var plan = await PlantedPlan.CreateAsync(site);
        await plan.MilestoneAsync("Fremtidig", PlannedTiming.OnDay(Today.AddDays(10)), status);

        var briefing = (await plan.BuildAsync()).Summary;
        var dashboard = await (await site.ClientFor(DemoUsers.Administrator)).GetDocumentAsync($"/Plans/Dashboard/{plan.Strategy.Id}");

        Assert.Equal(expected, briefing.OverallStateText);
        Assert.Equal(expected, dashboard.QuerySelector("#overall .verdict-word")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_milestone_overdue_and_at_risk_is_listed_once_and_every_id_on_the_dashboard_is_unique()
    {
        var plan = await PlantedPlan.CreateAsync(site);
        var both = await plan.MilestoneAsync("Over tid og i risiko", PlannedTiming.OnDay(Today.AddDays(-5)), MilestoneStatus.AtRisk, comment: "Lokalet er aflyst");
        await plan.MilestoneAsync("Kun i risiko", PlannedTiming.OnDay(Today.AddDays(5)), MilestoneStatus.AtRisk);

        var dashboard = await (await site.ClientFor(DemoUsers.Administrator)).GetDocumentAsync($"/Plans/Dashboard/{plan.Strategy.Id}");

        var ids = dashboard.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Empty(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Single(dashboard.QuerySelectorAll($"form[action='/Milestones/UpdateStatus/{both.Id}']"));
        Assert.All(dashboard.QuerySelectorAll("label[for]"), label => Assert.NotNull(dashboard.GetElementById(label.GetAttribute("for")!)));
    }

    /// <summary>"Over tid 2", "Planlagt 0" … as shown in the verdict's list.</summary>
    private static Dictionary<string, int> Counts(AngleSharp.Dom.IElement verdict) => verdict.QuerySelectorAll("li")
        .ToDictionary(li => li.TextContent.Replace(li.QuerySelector("strong")!.TextContent, string.Empty).Trim(), li => int.Parse(li.QuerySelector("strong")!.TextContent));
}
