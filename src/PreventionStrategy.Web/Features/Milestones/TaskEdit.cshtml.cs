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

/// <summary>Create (with milestoneId) or edit a task under a milestone, and delete it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class TaskEditModel(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
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

        if (MilestoneId is null || !await db.Milestones.AnyAsync(m => m.Id == MilestoneId, cancellationToken))
        {
            return NotFound();
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
        task.DoneOn = Input.IsDone ? task.DoneOn ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime) : null;
        task.IsDone = Input.IsDone;
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

        db.MilestoneTasks.Remove(task);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = localizer["Deleted", task.Title].Value;
        return RedirectToPage("/Milestones/Details", new { id = task.MilestoneId });
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
