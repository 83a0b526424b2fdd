using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// Records a status update: checks the rules, keeps the history row and the milestone in one
/// save, and refuses a stale form. Authorisation is the caller's (the page checks the resource).
/// </summary>
public sealed class StatusUpdater(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Returns false with the reasons in <paramref name="modelState"/>; nothing is saved then.</summary>
    public async Task<bool> UpdateAsync(Milestone milestone, StatusUpdateInput input, ClaimsPrincipal user, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (StatusUpdateInput.NeedsComment(input.Status) && comment is null)
        {
            modelState.AddModelError("Input.Comment", localizer["StatusUpdate.CommentRequired", localizer[$"MilestoneStatus.{input.Status}"]]);
        }

        if (input.ForecastDate is { Year: < 2000 or > 2100 })
        {
            modelState.AddModelError("Input.ForecastDate", localizer["Timing.YearRange", 2000, 2100]);
        }

        if (!modelState.IsValid)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var old = (milestone.Status, milestone.ProgressPercent, milestone.ForecastDate);

        db.Entry(milestone).Property(m => m.Version).OriginalValue = input.Version;
        milestone.Status = input.Status;
        milestone.ForecastDate = input.ForecastDate;
        milestone.ProgressFromTasks = input.ProgressFromTasks;
        milestone.ProgressPercent = input.Status == MilestoneStatus.Done
            ? 100
            : input.ProgressFromTasks ? TaskProgress.Percent(milestone.Tasks) : input.ProgressPercent;
        milestone.CompletedOn = input.Status == MilestoneStatus.Done ? milestone.CompletedOn ?? today : null;
        milestone.LastStatusUpdateAtUtc = now;
        milestone.StatusUpdates.Add(new MilestoneStatusUpdate
        {
            UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UpdatedByName = user.DisplayName(),
            UpdatedAtUtc = now,
            OldStatus = old.Status,
            NewStatus = milestone.Status,
            OldProgressPercent = old.ProgressPercent,
            NewProgressPercent = milestone.ProgressPercent,
            OldForecastDate = old.ForecastDate,
            NewForecastDate = milestone.ForecastDate,
            Comment = comment,
        });

        if (await ConcurrencyConflict.TrySaveAsync(db, modelState, localizer, version => input.Version = version, cancellationToken))
        {
            return true;
        }

        // Refused: the form keeps this input, but the milestone shown beside it is what is stored now, not this attempt.
        await db.Entry(milestone).ReloadAsync(cancellationToken);
        return false;
    }
}
