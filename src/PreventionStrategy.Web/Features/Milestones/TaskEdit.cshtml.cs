using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// Create (with milestoneId), edit, reassign, tick off or delete a task. Whoever may update the
/// milestone may manage its tasks; a milestone that follows its tasks gets its progress recomputed.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.DepartmentHead)]
public sealed class TaskEditModel(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public TaskInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? MilestoneId { get; set; }

    public int? Id { get; private set; }

    public string MilestoneTitle { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var task = await db.MilestoneTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (task is null)
            {
                return NotFound();
            }

            MilestoneId = task.MilestoneId;
            Input = new TaskInput { Version = task.Version, Title = task.Title, OwnerId = task.OwnerId, DueDate = task.DueDate, IsDone = task.IsDone };
        }

        if (MilestoneId is null)
        {
            return NotFound();
        }

        if (await AuthorizeAsync(MilestoneId.Value, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        MilestoneTask? task = null;
        if (id is not null)
        {
            task = await db.MilestoneTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (task is null)
            {
                return NotFound();
            }

            MilestoneId = task.MilestoneId;
        }

        if (MilestoneId is null)
        {
            return NotFound();
        }

        if (await AuthorizeAsync(MilestoneId.Value, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!string.IsNullOrEmpty(Input.OwnerId) && (await users.FindByIdAsync(Input.OwnerId)) is not { IsDisabled: false })
        {
            ModelState.AddModelError("Input.OwnerId", localizer["Tasks.UnknownOwner"]);
        }

        if (Input.DueDate is { Year: < 2000 or > 2100 })
        {
            ModelState.AddModelError("Input.DueDate", localizer["Timing.YearRange", 2000, 2100]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        if (task is null)
        {
            task = new MilestoneTask { MilestoneId = MilestoneId.Value, Title = Input.Title };
            db.MilestoneTasks.Add(task);
        }

        db.Entry(task).Property(t => t.Version).OriginalValue = Input.Version;
        task.Title = Input.Title.Trim();
        task.OwnerId = string.IsNullOrEmpty(Input.OwnerId) ? null : Input.OwnerId;
        task.DueDate = Input.DueDate;
        task.DoneOn = Input.IsDone ? task.DoneOn ?? clock.Today() : null;
        task.IsDone = Input.IsDone;
        await RecomputeProgressAsync(task.MilestoneId, task, cancellationToken);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["Saved", task.Title].Value;
        return RedirectToPage("/Milestones/Details", new { id = task.MilestoneId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var task = await db.MilestoneTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return NotFound();
        }

        if (await AuthorizeAsync(task.MilestoneId, cancellationToken) is { } refused)
        {
            return refused;
        }

        db.MilestoneTasks.Remove(task);
        await RecomputeProgressAsync(task.MilestoneId, null, cancellationToken, deletedId: task.Id);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = localizer["Deleted", task.Title].Value;
        return RedirectToPage("/Milestones/Details", new { id = task.MilestoneId });
    }

    /// <summary>Ticks a task off, or reopens it, straight from the milestone page.</summary>
    public async Task<IActionResult> OnPostToggleAsync(int id, int version, CancellationToken cancellationToken)
    {
        var task = await db.MilestoneTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return NotFound();
        }

        if (await AuthorizeAsync(task.MilestoneId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (task.Version != version)
        {
            TempData["Error"] = localizer["Tasks.Changed"].Value;
            return RedirectToPage("/Milestones/Details", new { id = task.MilestoneId });
        }

        task.IsDone = !task.IsDone;
        task.DoneOn = task.IsDone ? clock.Today() : null;
        db.Entry(task).Property(t => t.Version).OriginalValue = version;
        await RecomputeProgressAsync(task.MilestoneId, task, cancellationToken);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, _ => { }, cancellationToken))
        {
            TempData["Error"] = localizer["Tasks.Changed"].Value;
        }
        else
        {
            TempData["Success"] = localizer["Tasks.Toggled", task.Title].Value;
        }

        return RedirectToPage("/Milestones/Details", new { id = task.MilestoneId });
    }

    /// <summary>404 for an unknown milestone, 403 when the user may not change it; null when allowed.</summary>
    private async Task<IActionResult?> AuthorizeAsync(int milestoneId, CancellationToken cancellationToken)
    {
        var ownership = await MilestoneOwnership.FindAsync(db, milestoneId, cancellationToken);
        if (ownership is null)
        {
            return NotFound();
        }

        return (await authorization.AuthorizeAsync(User, ownership, UpdateMilestoneRequirement.Instance)).Succeeded ? null : Forbid();
    }

    /// <summary>For a milestone that follows its tasks: its progress from the tasks as they will be after this save.</summary>
    private async Task RecomputeProgressAsync(int milestoneId, MilestoneTask? changed, CancellationToken cancellationToken, int? deletedId = null)
    {
        var milestone = await db.Milestones.FirstAsync(m => m.Id == milestoneId, cancellationToken);
        if (!milestone.ProgressFromTasks || milestone.Status == MilestoneStatus.Done)
        {
            return;
        }

        var done = await db.MilestoneTasks.AsNoTracking().Where(t => t.MilestoneId == milestoneId).ToDictionaryAsync(t => t.Id, t => t.IsDone, cancellationToken);
        if (deletedId is { } deleted)
        {
            done.Remove(deleted);
        }

        if (changed is not null)
        {
            done[changed.Id] = changed.IsDone; // a new task has id 0 until saved: it counts once all the same
        }

        milestone.ProgressPercent = TaskProgress.Percent(done.Count(t => t.Value), done.Count);
    }

    private async Task<IActionResult> ShowFormAsync(int? id, CancellationToken cancellationToken)
    {
        var title = await db.Milestones.AsNoTracking().Where(m => m.Id == MilestoneId).Select(m => m.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }

        Id = id;
        MilestoneTitle = title;
        Owners = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).OrderBy(u => u.FullName)
            .Select(u => new SelectListItem(u.FullName, u.Id)).ToListAsync(cancellationToken);
        return Page();
    }
}

public sealed class TaskInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Title")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "Field.Owner")]
    public string? OwnerId { get; set; }

    [Display(Name = "Field.DueDate")]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "Field.IsDone")]
    public bool IsDone { get; set; }
}
