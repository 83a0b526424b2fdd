using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Plans;

/// <summary>
/// Where a strategy stands, verdict first: the overall state by the same rule as the committee briefing
/// (<see cref="StrategyVerdict"/>), then what needs attention (overdue, then at risk or delayed with the
/// owner's latest comment), then per focus area its milestones by state and the next one. What it reads is
/// one <see cref="DashboardData"/>, kept for every reader until the data changes.
/// </summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class DashboardModel(AppDbContext db, ReadModels readModels) : PageModel
{
    public const int NextPerFocusArea = DashboardData.NextPerFocusArea;

    public const int ListLimit = DashboardData.ListLimit;

    public DashboardData Data { get; private set; } = null!;

    public Strategy Strategy => Data.Strategy;

    public DateOnly Today => Data.Today;

    public StrategyVerdict Verdict => Data.Verdict;

    public IReadOnlyList<FocusAreaPanel> Panels => Data.Panels;

    public IReadOnlyList<MilestoneRow> Overdue => Data.Overdue;

    public int OverdueCount => Verdict.Overdue;

    /// <summary>At risk or delayed and not overdue: an overdue milestone is listed once, under overdue, as in the briefing.</summary>
    public IReadOnlyList<MilestoneRow> AtRisk => Data.AtRisk;

    public IReadOnlyDictionary<int, string?> LatestComments => Data.LatestComments;

    public EffectPanel Effect => Data.Effect;

    /// <summary>Decisions asked of the committee and not yet answered ("Til beslutning"), at most <see cref="ListLimit"/>.</summary>
    public IReadOnlyList<DecisionRow> Decisions => Data.Decisions;

    public int AtRiskCount => Verdict.AtRisk + Verdict.Delayed;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var data = await readModels.GetAsync($"dashboard:{id}", today => DashboardData.LoadAsync(db, id, today, cancellationToken));
        if (data is null)
        {
            return id is null ? RedirectToPage("/Index") : NotFound();
        }

        Data = data;
        return Page();
    }
}
