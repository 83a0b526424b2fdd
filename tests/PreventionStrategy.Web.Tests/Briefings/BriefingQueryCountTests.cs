using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>The builder's SQL count must not grow with the plan: measured at 1x and 20x the Norddjurs plan. Own site, because it grows the data.</summary>
public sealed class BriefingQueryCountTests : IAsyncLifetime
{
    private readonly DemoSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Building_the_briefing_issues_the_same_number_of_SQL_commands_at_20x_the_plan()
    {
        var (before, milestonesBefore) = await CountAsync();
        Assert.True(before > 0, "counted no SQL: the counter is not attached");

        await site.MultiplyPlanAsync(site.Ids.Strategy, 20);

        var (after, milestonesAfter) = await CountAsync();
        Assert.Equal(20 * milestonesBefore, milestonesAfter);
        Assert.Equal(before, after);
    }

    private async Task<(int Commands, int Milestones)> CountAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var builder = ActivatorUtilities.CreateInstance<BriefingModelBuilder>(scope.ServiceProvider);
        BriefingModel? model = null;
        var commands = await site.SqlCommandsOfAsync(async () => model = await builder.BuildAsync(site.Ids.Strategy, null, null, null));
        return (commands, model!.Summary.MilestoneCount);
    }
}
