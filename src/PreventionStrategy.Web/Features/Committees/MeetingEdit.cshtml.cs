using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Committees;

/// <summary>Create (no id, <c>?committeeId=</c>) or edit a committee meeting, and delete it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class MeetingEditModel(AppDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? CommitteeId { get; set; }

    public int? Id { get; private set; }

    public string CommitteeName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var meeting = await db.CommitteeMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (meeting is null)
            {
                return NotFound();
            }

            Input = MeetingInput.From(meeting);
            CommitteeId = meeting.CommitteeId;
        }

        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        CommitteeMeeting? meeting = null;
        if (id is not null)
        {
            meeting = await db.CommitteeMeetings.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (meeting is null)
            {
                return NotFound();
            }

            CommitteeId = meeting.CommitteeId;
        }

        if (CommitteeId is null || !await db.Committees.AnyAsync(c => c.Id == CommitteeId, cancellationToken))
        {
            return NotFound();
        }

        foreach (var (field, message) in Input.Validate(localizer))
        {
            ModelState.AddModelError($"Input.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        if (meeting is null)
        {
            meeting = new CommitteeMeeting { CommitteeId = CommitteeId.Value };
            db.CommitteeMeetings.Add(meeting);
        }

        Input.ApplyTo(db, meeting);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["Saved", await MeetingNameAsync(meeting, cancellationToken)].Value;
        return RedirectToPage("/Committees/Index", null, null, $"committee-{meeting.CommitteeId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await db.CommitteeMeetings.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        var name = await MeetingNameAsync(meeting, cancellationToken);
        db.CommitteeMeetings.Remove(meeting);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = localizer["Deleted", name].Value;
        return RedirectToPage("/Committees/Index", null, null, $"committee-{meeting.CommitteeId}");
    }

    /// <summary>"Børne- og Ungdomsudvalget, møde 12. marts 2025": how the success message names a meeting.</summary>
    private async Task<string> MeetingNameAsync(CommitteeMeeting meeting, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == meeting.CommitteeId).Select(c => c.Name).FirstAsync(cancellationToken);
        return localizer["Committees.MeetingName", committee, new Display(localizer).Date(meeting.MeetingDate)];
    }

    private async Task<IActionResult> ShowFormAsync(int? id, CancellationToken cancellationToken)
    {
        var committee = CommitteeId is null ? null : await db.Committees.AsNoTracking().Where(c => c.Id == CommitteeId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (committee is null)
        {
            return NotFound();
        }

        Id = id;
        CommitteeName = committee;
        return Page();
    }
}
