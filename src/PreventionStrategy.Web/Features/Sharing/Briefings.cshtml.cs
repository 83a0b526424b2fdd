using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>
/// The shared strategy's briefing archive. The briefings name the owners of overdue and at-risk
/// milestones, so a share shows them only when the administrator allowed names; otherwise 404.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class BriefingsModel(AppDbContext db, ShareLinks links, SecurityEvents security) : SharePageModel(db, links, security)
{
    public sealed record Row(int Id, string Title, int Version, DateTime IssuedAtUtc, int PageCount, int SizeBytes, string FileName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Share.ShowNames)
        {
            return NotFound();
        }

        Rows = await Db.CommitteeBriefings.AsNoTracking()
            .Where(b => b.StrategyId == Strategy.Id)
            .OrderByDescending(b => b.IssuedAtUtc).ThenByDescending(b => b.Id)
            .Select(b => new Row(b.Id, b.Title, b.Version, b.IssuedAtUtc, b.PageCount, b.Content.Length, b.FileName))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>The archived bytes, exactly as issued, of a briefing of this strategy only.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken cancellationToken)
    {
        if (!Share.ShowNames)
        {
            return NotFound();
        }

        var briefing = await Db.CommitteeBriefings.AsNoTracking()
            .Where(b => b.Id == id && b.StrategyId == Strategy.Id)
            .Select(b => new { b.Content, b.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        return briefing is null ? NotFound() : File(briefing.Content, "application/pdf", briefing.FileName);
    }
}
