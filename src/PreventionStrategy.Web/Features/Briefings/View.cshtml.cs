using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// A briefing as an accessible HTML page, from the same <see cref="BriefingModel"/> as the PDF: an archived one from the
/// model stored when it was issued (what the committee received, not today's data), or, with <c>?strategyId=</c> and no
/// id, the briefing as the plan stands now. Archive rows from before the model was stored say so and offer the PDF.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class ViewModel(AppDbContext db, BriefingModelBuilder builder) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    public BriefingModel? Briefing { get; private set; }

    /// <summary>The archive row shown, or null for the briefing as of now.</summary>
    public ArchivedBriefing? Archived { get; private set; }

    public string? StrategyName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } briefingId)
        {
            var row = await db.CommitteeBriefings.AsNoTracking()
                .Where(b => b.Id == briefingId)
                .Select(b => new { Row = new ArchivedBriefing(b.Id, b.StrategyId, b.Title, b.Version, b.IssuedAtUtc, b.IssuedByName, b.FileName, b.PageCount), b.ModelJson })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return NotFound();
            }

            Archived = row.Row;
            StrategyId = row.Row.StrategyId;
            Briefing = row.ModelJson is null ? null : BriefingModelJson.Read(row.ModelJson);
        }
        else
        {
            if (StrategyId is null || !await db.Strategies.AnyAsync(s => s.Id == StrategyId, cancellationToken))
            {
                return NotFound();
            }

            Briefing = await builder.BuildAsync(StrategyId.Value, null, null, null, cancellationToken);
        }

        StrategyName = await db.Strategies.Where(s => s.Id == StrategyId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        return Page();
    }
}

public sealed record ArchivedBriefing(int Id, int StrategyId, string Title, int Version, DateTime IssuedAtUtc, string IssuedByName, string FileName, int PageCount);
