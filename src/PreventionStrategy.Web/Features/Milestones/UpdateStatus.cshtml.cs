using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PreventionStrategy.Web.Features.CommitteeCycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// The full status-update form, and the target of the quick-update forms in lists and on the
/// dashboard: a valid quick update goes straight back (filters intact), an invalid one lands here
/// with its input and the reason.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.DepartmentHead)]
public sealed class UpdateStatusModel(AppDbContext db, StatusUpdater updater, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer, Display display, TimeProvider clock) : PageModel, IShownAgainAfterStorageFault
{
    public const int RecentHistory = 5;

    [BindProperty]
    public StatusUpdateInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Milestone Milestone { get; private set; } = null!;

    public IReadOnlyList<MilestoneStatusUpdate> History { get; private set; } = [];

    /// <summary>The committee's coming meetings, which a decision may be asked for.</summary>
    public IReadOnlyList<SelectListItem> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var denied = await AuthorizeAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var milestone = await LoadAsync(id, cancellationToken);
        Input = StatusUpdateInput.From(milestone!);
        if (StatusUpdateInput.NeedsExplanation(milestone!.Status) && await StandingExplanationAsync(id, cancellationToken) is { } standing)
        {
            // Still in trouble: the standing explanation is the starting point, so a new progress figure does not mean writing it all again.
            (Input.Reason, Input.ConsequenceForPlan, Input.ConsequenceForFamilies, Input.NextStep, Input.NextStepDate) =
                (standing.Reason, standing.ConsequenceForPlan, standing.ConsequenceForFamilies, standing.NextStep, standing.NextStepDate);
        }

        return await ShowFormAsync(milestone!, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var denied = await AuthorizeAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var milestone = (await LoadAsync(id, cancellationToken))!;
        Milestone = milestone;

        // Out of trouble (e.g. Gennemført): the explanation the form was opened with was the site's, not typed, and is let go.
        // Anything else in those fields was typed and is refused by the updater rather than dropped unsaid.
        if (!StatusUpdateInput.NeedsExplanation(Input.Status) && Input.Reason is not null
            && await StandingExplanationAsync(id, cancellationToken) is { } standing
            && Same(Input.Reason, standing.Reason) && Same(Input.ConsequenceForPlan, standing.ConsequenceForPlan)
            && Same(Input.ConsequenceForFamilies, standing.ConsequenceForFamilies) && Same(Input.NextStep, standing.NextStep)
            && Input.NextStepDate == standing.NextStepDate)
        {
            (Input.Reason, Input.ConsequenceForPlan, Input.ConsequenceForFamilies, Input.NextStep, Input.NextStepDate) = (null, null, null, null, null);
        }

        if (!ModelState.IsValid || !await updater.UpdateAsync(milestone, Input, User, ModelState, cancellationToken))
        {
            return await ShowFormAsync(milestone, cancellationToken);
        }

        TempData["Success"] = localizer["StatusUpdate.Saved", milestone.Title, localizer[$"MilestoneStatus.{milestone.Status}"]].Value;
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Milestones/Details", new { id });
    }

    /// <summary>404 for an unknown milestone, 403 for one the user may not update; null when allowed.</summary>
    private async Task<IActionResult?> AuthorizeAsync(int id, CancellationToken cancellationToken)
    {
        var ownership = await MilestoneOwnership.FindAsync(db, id, cancellationToken);
        if (ownership is null)
        {
            return NotFound();
        }

        var result = await authorization.AuthorizeAsync(User, ownership, UpdateMilestoneRequirement.Instance);
        return result.Succeeded ? null : Forbid();
    }

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await ShowFormAsync((await LoadAsync(Milestone.Id, cancellationToken))!, cancellationToken);

    /// <summary>A browser sends a text area's line breaks as CR LF, whatever it was given.</summary>
    private static bool Same(string? typed, string? stored) =>
        (typed ?? string.Empty).Replace("\r\n", "\n").Trim() == (stored ?? string.Empty).Replace("\r\n", "\n").Trim();

    private Task<MilestoneStatusUpdate?> StandingExplanationAsync(int id, CancellationToken cancellationToken) =>
        db.MilestoneStatusUpdates.AsNoTracking()
            .Where(u => u.MilestoneId == id && u.Reason != null)
            .OrderByDescending(u => u.UpdatedAtUtc).ThenByDescending(u => u.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private Task<Milestone?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Milestones.Include(m => m.Tasks).Include(m => m.Strategy).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    private async Task<IActionResult> ShowFormAsync(Milestone milestone, CancellationToken cancellationToken)
    {
        Milestone = milestone;
        History = await db.MilestoneStatusUpdates.AsNoTracking()
            .Where(u => u.MilestoneId == milestone.Id)
            .OrderByDescending(u => u.UpdatedAtUtc).ThenByDescending(u => u.Id)
            .Take(RecentHistory)
            .ToListAsync(cancellationToken);
        Meetings = (await ComingMeetings.Query(db, milestone.StrategyId, clock.Today()).AsNoTracking()
                .Select(m => new { m.Id, m.MeetingDate })
                .ToListAsync(cancellationToken))
            .Select(m => new SelectListItem(display.Date(m.MeetingDate), m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Id == Input.DecisionMeetingId))
            .ToList();
        return Page();
    }
}
