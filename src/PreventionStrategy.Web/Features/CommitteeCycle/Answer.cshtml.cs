using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>Records the committee's answer to one decision after the meeting: approved, rejected or postponed, with a note.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AnswerModel(AppDbContext db, DecisionRecorder recorder, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public DecisionRow Decision { get; private set; } = null!;

    public int StrategyId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new AnswerInput { Version = Decision.Version, Answer = Decision.Answer, Note = Decision.AnswerNote };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Input.Answer is not { } answer || !Enum.IsDefined(answer))
        {
            ModelState.AddModelError("Input.Answer", localizer["Decisions.AnswerRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await recorder.AnswerAsync(id, Input.Version, Input.Answer!.Value, Input.Note, User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName(), cancellationToken);
        switch (outcome)
        {
            case AnswerOutcome.Recorded:
                TempData["Success"] = localizer["Decisions.Recorded", Decision.Question, localizer[$"DecisionAnswer.{Input.Answer}"]].Value;
                return RedirectToPage("/CommitteeCycle/Decisions", new { id = StrategyId });
            case AnswerOutcome.NotFound:
                return NotFound();
            case AnswerOutcome.AlreadyAnswered:
                ModelState.AddModelError(string.Empty, localizer["Decisions.AlreadyAnswered"]);
                break;
            default:
                ModelState.AddModelError(string.Empty, localizer["Concurrency.Changed"]);
                break;
        }

        await LoadAsync(id, cancellationToken);
        Input.Version = Decision.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.CommitteeDecisions.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Milestone!.StrategyId }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        StrategyId = found.StrategyId;
        Decision = await DecisionQueries.Of(db, found.StrategyId).Where(d => d.Id == id).ToRows().FirstAsync(cancellationToken);
        return true;
    }
}
