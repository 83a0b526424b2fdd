using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>A strategy's indicators, target indicators first, each with its latest figure and verdict. A fixed number of SQL commands.</summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    public StrategyHeading? Strategy { get; private set; }

    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public bool SeesSmallNumbers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Strategy = await CurrentStrategy.FindAsync(db, StrategyId, cancellationToken);
        if (Strategy is null)
        {
            return StrategyId is null ? RedirectToPage("/Index") : NotFound();
        }

        SeesSmallNumbers = SmallNumbers.ViewerSees(User);
        Indicators = await IndicatorSummaries.LoadAsync(db, db.Indicators.Where(i => i.StrategyId == Strategy.Id), cancellationToken);
        return Page();
    }
}
