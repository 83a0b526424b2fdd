using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Budget;

/// <summary>
/// A strategy's budget initiatives in order, their amounts per year with totals, and the focus areas
/// and milestones each is tied to. Five SQL commands, whatever the number of initiatives and years.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    public StrategyHeading? Strategy { get; private set; }

    public IReadOnlyList<InitiativeView> Initiatives { get; private set; } = [];

    /// <summary>Every year that has an amount on some initiative, ascending: one column each.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyDictionary<int, long> TotalsByYear { get; private set; } = new Dictionary<int, long>();

    public long GrandTotal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Strategy = await CurrentStrategy.FindAsync(db, StrategyId, cancellationToken);
        if (Strategy is null)
        {
            return StrategyId is null ? RedirectToPage("/Index") : NotFound();
        }

        var strategyId = Strategy.Id;
        var initiatives = db.BudgetInitiatives.AsNoTracking().Where(b => b.StrategyId == strategyId);
        var rows = await initiatives
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Title)
            .Select(b => new { b.Id, b.SortOrder, b.BudgetSketch, b.Title, b.Description, b.DecisionState, b.DecisionNote })
            .ToListAsync(cancellationToken);
        var amounts = await initiatives
            .SelectMany(b => b.Amounts, (b, a) => new { a.BudgetInitiativeId, a.Year, a.AmountDkk })
            .ToListAsync(cancellationToken);
        var focusAreas = await initiatives
            .SelectMany(b => b.FocusAreas, (b, f) => new { InitiativeId = b.Id, Tag = new FocusAreaTag(f.Id, f.SortOrder, f.Title) })
            .ToListAsync(cancellationToken);
        var milestones = await initiatives
            .SelectMany(b => b.Milestones, (b, m) => new { InitiativeId = b.Id, Milestone = new LinkedMilestone(m.Id, m.Title, m.Timing, m.Status) })
            .ToListAsync(cancellationToken);

        var amountsByInitiative = amounts.ToLookup(a => a.BudgetInitiativeId);
        var focusAreasByInitiative = focusAreas.ToLookup(f => f.InitiativeId, f => f.Tag);
        var milestonesByInitiative = milestones.ToLookup(m => m.InitiativeId, m => m.Milestone);
        Initiatives = rows.Select(b => new InitiativeView(
                b.Id,
                b.SortOrder,
                b.BudgetSketch,
                b.Title,
                b.Description,
                b.DecisionState,
                b.DecisionNote,
                amountsByInitiative[b.Id].ToDictionary(a => a.Year, a => a.AmountDkk),
                focusAreasByInitiative[b.Id].OrderBy(f => f.SortOrder).ToList(),
                milestonesByInitiative[b.Id].OrderBy(m => m.Timing.Start).ThenBy(m => m.Timing.End).ThenBy(m => m.Title, StringComparer.Ordinal).ThenBy(m => m.Id).ToList()))
            .ToList();

        Years = amounts.Select(a => a.Year).Distinct().Order().ToList();
        TotalsByYear = amounts.GroupBy(a => a.Year).ToDictionary(g => g.Key, g => g.Sum(a => a.AmountDkk));
        GrandTotal = amounts.Sum(a => a.AmountDkk);
        return Page();
    }
}

public sealed record LinkedMilestone(int Id, string Title, PlannedTiming Timing, MilestoneStatus Status);

public sealed record InitiativeView(
    int Id,
    int SortOrder,
    string BudgetSketch,
    string Title,
    string? Description,
    BudgetDecisionState DecisionState,
    string? DecisionNote,
    IReadOnlyDictionary<int, long> Amounts,
    IReadOnlyList<FocusAreaTag> FocusAreas,
    IReadOnlyList<LinkedMilestone> Milestones)
{
    public long Total => Amounts.Values.Sum();
}
