using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.FocusAreas;

/// <summary>One focus area: its aims, its milestones and the budget initiatives tied to it, read as one <see cref="FocusAreaData"/>.</summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class DetailsModel(AppDbContext db, ReadModels readModels) : PageModel
{
    public FocusAreaDetails FocusArea { get; private set; } = null!;

    public const int MilestoneLimit = 25;

    public IReadOnlyList<MilestoneRow> Milestones { get; private set; } = [];

    public int MilestoneCount { get; private set; }

    public IReadOnlyList<LinkedInitiative> BudgetInitiatives { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The area's status by the one rule, or an administrator's override with its justification.</summary>
    public FocusAreaStanding Standing { get; private set; } = null!;

    /// <summary>The indicators tied to the area (at most <see cref="IndicatorLimit"/>; the list of indicators has them all).</summary>
    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public const int IndicatorLimit = 20;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var data = await readModels.GetAsync($"focus-area:{id}", today => FocusAreaData.LoadAsync(db, id, today, cancellationToken));
        if (data is null)
        {
            return NotFound();
        }

        (FocusArea, Today, Standing, MilestoneCount, Milestones, BudgetInitiatives, Indicators) = data;
        return Page();
    }
}

/// <summary>
/// What the focus area's page reads, the same for every reader, kept as one read model (<see cref="ReadModels"/>).
/// Seven SQL commands whatever the size of the plan.
/// </summary>
public sealed record FocusAreaData(
    FocusAreaDetails FocusArea,
    DateOnly Today,
    FocusAreaStanding Standing,
    int MilestoneCount,
    IReadOnlyList<MilestoneRow> Milestones,
    IReadOnlyList<LinkedInitiative> BudgetInitiatives,
    IReadOnlyList<IndicatorSummary> Indicators)
{
    /// <summary>Null when there is no such focus area.</summary>
    public static async Task<FocusAreaData?> LoadAsync(AppDbContext db, int id, DateOnly today, CancellationToken cancellationToken)
    {
        var focusArea = await db.FocusAreas.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new FocusAreaDetails(f.Id, f.StrategyId, f.Strategy!.Name, f.SortOrder, f.Title, f.Description, f.Aims))
            .FirstOrDefaultAsync(cancellationToken);
        if (focusArea is null)
        {
            return null;
        }

        var standing = (await FocusAreaStandings.LoadAsync(db, db.FocusAreas.Where(f => f.Id == id), today, cancellationToken))[id];
        // The first milestones in time order; the milestone list, filtered on the area, pages through the rest.
        var milestones = db.Milestones.AsNoTracking().Where(m => m.FocusAreas.Any(f => f.Id == id));
        var count = await milestones.CountAsync(cancellationToken);
        var rows = await db.WithFocusAreasAsync(
            await milestones
                .InListOrder()
                .Take(DetailsModel.MilestoneLimit)
                .ToRows()
                .ToListAsync(cancellationToken),
            cancellationToken);
        var initiatives = await db.BudgetInitiatives.AsNoTracking()
            .Where(b => b.FocusAreas.Any(f => f.Id == id))
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Title)
            .Select(b => new LinkedInitiative(b.Id, b.StrategyId, b.SortOrder, b.Title, b.BudgetSketch, b.DecisionState))
            .ToListAsync(cancellationToken);
        var indicators = await IndicatorSummaries.LoadAsync(db, db.Indicators.Where(i => i.FocusAreas.Any(f => f.Id == id)), cancellationToken, DetailsModel.IndicatorLimit);
        return new FocusAreaData(focusArea, today, standing, count, rows, initiatives, indicators);
    }
}

public sealed record FocusAreaDetails(int Id, int StrategyId, string StrategyName, int SortOrder, string Title, string? Description, string? Aims);

public sealed record LinkedInitiative(int Id, int StrategyId, int SortOrder, string Title, string BudgetSketch, BudgetDecisionState DecisionState);
