using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The archive of issued briefings, newest first, for everyone who reads the plan (the committee
/// above all). Two SQL commands: the strategy and the list (the PDFs themselves are not read).
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    public string? StrategyName { get; private set; }

    public IReadOnlyList<BriefingRow> Rows { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        StrategyId ??= await db.Strategies.OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        StrategyName = await db.Strategies.Where(s => s.Id == StrategyId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        if (StrategyName is null)
        {
            return StrategyId is null ? Page() : NotFound();
        }

        Rows = await db.CommitteeBriefings.AsNoTracking()
            .Where(b => b.StrategyId == StrategyId)
            .OrderByDescending(b => b.IssuedAtUtc).ThenByDescending(b => b.Id)
            .Select(b => new BriefingRow(b.Id, b.Title, b.Version, b.IssuedAtUtc, b.IssuedByName, b.PageCount, b.Content.Length, b.Sha256, b.FileName, db.Deliveries.Any(d => d.CommitteeBriefingId == b.Id)))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>The archived bytes, exactly as issued.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken cancellationToken)
    {
        var briefing = await db.CommitteeBriefings.AsNoTracking()
            .Where(b => b.Id == id)
            .Select(b => new { b.Content, b.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        return briefing is null ? NotFound() : File(briefing.Content, "application/pdf", briefing.FileName);
    }
}

/// <param name="SentToCommittee">The version the scheduled job sent to the committee's members.</param>
public sealed record BriefingRow(int Id, string Title, int Version, DateTime IssuedAtUtc, string IssuedBy, int PageCount, int SizeBytes, string Sha256, string FileName, bool SentToCommittee);
