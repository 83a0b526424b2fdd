using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Stakeholders;

/// <summary>A unit (its parent and members) or a person (their unit); for both, the milestones they take part in and the committees they sit on. Three SQL commands.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public StakeholderDetails Stakeholder { get; private set; } = null!;

    public IReadOnlyList<StakeholderMilestone> Milestones { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Committees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var stakeholder = await db.Stakeholders.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new StakeholderDetails(
                s.Id,
                s.Kind,
                s.Name,
                s.Title,
                s.Email,
                s.IsExternal,
                s.Description,
                s.Unit == null ? null : new StakeholderLink(s.Unit.Id, s.Unit.Kind, s.Unit.Name),
                s.Members.Select(m => new StakeholderRow(m.Id, m.Kind, m.Name, m.Title, m.Email, m.IsExternal, m.UnitId, null, 0)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        if (stakeholder is null)
        {
            return NotFound();
        }

        var comparer = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        Stakeholder = stakeholder with
        {
            Members = stakeholder.Members.OrderBy(m => m.Kind == StakeholderKind.Unit ? 0 : 1).ThenBy(m => m.Name, comparer).ToList(),
        };

        Milestones = await (
                from m in db.Milestones.AsNoTracking()
                from link in m.Stakeholders
                where link.StakeholderId == id
                orderby m.Timing.Start, m.Id
                select new StakeholderMilestone(m.Id, m.Title, m.Timing, m.Status, link.Role))
            .ToListAsync(cancellationToken);

        var committees = await db.Committees.AsNoTracking()
            .Where(c => c.Members.Any(member => member.Id == id))
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(cancellationToken);
        Committees = committees.Select(c => (c.Id, c.Name)).ToList();
        return Page();
    }
}

public sealed record StakeholderLink(int Id, StakeholderKind Kind, string Name);

public sealed record StakeholderDetails(
    int Id,
    StakeholderKind Kind,
    string Name,
    string? Title,
    string? Email,
    bool IsExternal,
    string? Description,
    StakeholderLink? Unit,
    IReadOnlyList<StakeholderRow> Members);

public sealed record StakeholderMilestone(int Id, string Title, PlannedTiming Timing, MilestoneStatus Status, StakeholderRole Role);
