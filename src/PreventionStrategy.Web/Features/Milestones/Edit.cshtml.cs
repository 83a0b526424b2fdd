using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>Create (no id) or edit a milestone, and delete it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(AppDbContext db, MilestoneEditor editor, TimeProvider clock, IStringLocalizer<SharedResource> localizer, IOptions<ReminderOptions> reminders) : PageModel, IShownAgainAfterStorageFault
{
    [BindProperty]
    public MilestoneInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    public int? Id { get; private set; }

    public string StrategyName { get; private set; } = string.Empty;

    public MilestoneFormOptions Options { get; private set; } = null!;

    public string DefaultReminderDays => ReminderSchedule.Format(reminders.Value.DaysBefore.Distinct().OrderDescending());

    public IEnumerable<SelectListItem> ReminderChoices =>
    [
        new(localizer["Value.Yes"], "true", Input.RemindersEnabled == true),
        new(localizer["Value.No"], "false", Input.RemindersEnabled == false),
    ];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var milestone = await LoadAsync(id.Value, cancellationToken);
            if (milestone is null)
            {
                return NotFound();
            }

            Input = MilestoneEditor.ToInput(milestone);
            StrategyId = milestone.StrategyId;
        }

        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Milestone? milestone = null;
        if (id is not null)
        {
            milestone = await LoadAsync(id.Value, cancellationToken);
            if (milestone is null)
            {
                return NotFound();
            }

            StrategyId = milestone.StrategyId;
        }

        if (StrategyId is null || !await db.Strategies.AnyAsync(s => s.Id == StrategyId, cancellationToken))
        {
            return NotFound();
        }

        await editor.ValidateAsync(Input, StrategyId.Value, id, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        if (milestone is null)
        {
            milestone = new Milestone { StrategyId = StrategyId.Value, Title = Input.Title, Timing = Input.Timing.ToTiming() };
            db.Milestones.Add(milestone);
        }

        await editor.ApplyAsync(milestone, Input, clock.Today(), cancellationToken);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["Saved", milestone.Title].Value;
        return RedirectToPage("/Milestones/Details", new { id = milestone.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (milestone is null)
        {
            return NotFound();
        }

        // A milestone with status history is archived instead, so the history stays readable (and restorable from the archive).
        if (await db.MilestoneStatusUpdates.AnyAsync(u => u.MilestoneId == id, cancellationToken))
        {
            milestone.IsArchived = true;
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = localizer["Milestones.Archived", milestone.Title].Value;
        }
        else
        {
            db.Milestones.Remove(milestone);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = localizer["Deleted", milestone.Title].Value;
        }

        return RedirectToPage("/Milestones/Index", new { strategyId = milestone.StrategyId });
    }

    public Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) => ShowFormAsync(Id, cancellationToken);

    private Task<Milestone?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Milestones.Include(m => m.FocusAreas).Include(m => m.Stakeholders).Include(m => m.Tasks).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    private async Task<IActionResult> ShowFormAsync(int? id, CancellationToken cancellationToken)
    {
        var strategy = StrategyId is null ? null : await db.Strategies.AsNoTracking().Where(s => s.Id == StrategyId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (strategy is null)
        {
            return NotFound();
        }

        Id = id;
        StrategyName = strategy;
        Options = await editor.LoadOptionsAsync(StrategyId!.Value, id, cancellationToken);
        return Page();
    }
}
