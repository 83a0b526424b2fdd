using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>The administrators' list of decisions asked of the committee: open ones to answer after the meeting, then the answered ones.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DecisionsModel(AppDbContext db) : PageModel
{
    public const int AnsweredShown = 50;

    public StrategyHeading Strategy { get; private set; } = null!;

    public IReadOnlyList<DecisionRow> Open { get; private set; } = [];

    public IReadOnlyList<DecisionRow> Answered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var strategy = await CurrentStrategy.FindAsync(db, id, cancellationToken);
        if (strategy is null)
        {
            return id is null ? RedirectToPage("/Index") : NotFound();
        }

        Strategy = strategy;
        Open = await DecisionQueries.Of(db, strategy.Id).Open().ToRows().ToListAsync(cancellationToken);
        Answered = await DecisionQueries.Of(db, strategy.Id)
            .Where(d => d.Answer != null)
            .OrderByDescending(d => d.AnsweredAtUtc).ThenByDescending(d => d.Id)
            .Take(AnsweredShown)
            .ToRows()
            .ToListAsync(cancellationToken);
        return Page();
    }
}
