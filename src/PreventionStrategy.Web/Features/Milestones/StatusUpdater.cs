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
        var comment = Text(input.Comment);
        StatusExplanation? explanation = null;
        if (StatusUpdateInput.NeedsExplanation(input.Status))
        {
            explanation = await ExplanationAsync(milestone, input, modelState, cancellationToken);
        }
        else
        {
            RefuseUnneededExplanation(input, modelState);
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
            Reason = explanation?.Reason,
            ConsequenceForPlan = explanation?.ConsequenceForPlan,
            ConsequenceForFamilies = explanation?.ConsequenceForFamilies,
            NextStep = explanation?.NextStep,
            NextStepDate = explanation?.NextStepDate,
        });

        // Asked in the same save as the explanation it belongs to: never a question without its reasons.
        if (explanation?.DecisionQuestion is { } question)
        {
            db.CommitteeDecisions.Add(new CommitteeCycle.CommitteeDecision
            {
                Milestone = milestone,
                Question = question,
                CommitteeMeetingId = explanation.DecisionMeetingId,
                AskedById = user.FindFirstValue(ClaimTypes.NameIdentifier),
                AskedByName = user.DisplayName(),
                AskedAtUtc = now,
            });
        }

        if (await ConcurrencyConflict.TrySaveAsync(db, modelState, localizer, version => input.Version = version, cancellationToken))
        {
            return true;
        }

        // Refused: the form keeps this input, but the milestone shown beside it is what is stored now, not this attempt.
        await db.Entry(milestone).ReloadAsync(cancellationToken);
        return false;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// The structured explanation at risk, delayed and cancelled need: reason, both consequences and a dated next
    /// step, each refused by name when missing; the decision is optional, but its meeting must be one of the
    /// committee's coming meetings.
    /// </summary>
    private async Task<StatusExplanation?> ExplanationAsync(Milestone milestone, StatusUpdateInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var status = localizer[$"MilestoneStatus.{input.Status}"];
        var explanation = new StatusExplanation(
            Text(input.Reason), Text(input.ConsequenceForPlan), Text(input.ConsequenceForFamilies), Text(input.NextStep), input.NextStepDate, Text(input.DecisionQuestion), input.DecisionMeetingId);
        void Require(string? value, string field, string message)
        {
            if (value is null)
            {
                modelState.AddModelError($"Input.{field}", localizer[message, status]);
            }
        }

        Require(explanation.Reason, nameof(input.Reason), "StatusUpdate.ReasonRequired");
        Require(explanation.ConsequenceForPlan, nameof(input.ConsequenceForPlan), "StatusUpdate.ConsequenceForPlanRequired");
        Require(explanation.ConsequenceForFamilies, nameof(input.ConsequenceForFamilies), "StatusUpdate.ConsequenceForFamiliesRequired");
        Require(explanation.NextStep, nameof(input.NextStep), "StatusUpdate.NextStepRequired");
        if (input.NextStepDate is null)
        {
            modelState.AddModelError("Input.NextStepDate", localizer["StatusUpdate.NextStepDateRequired"]);
        }
        else if (input.NextStepDate is { Year: < 2000 or > 2100 })
        {
            modelState.AddModelError("Input.NextStepDate", localizer["Timing.YearRange", 2000, 2100]);
        }

        if (explanation.DecisionMeetingId is { } meetingId)
        {
            if (explanation.DecisionQuestion is null)
            {
                modelState.AddModelError("Input.DecisionQuestion", localizer["StatusUpdate.DecisionQuestionRequired"]);
            }

            var coming = await CommitteeCycle.ComingMeetings.Query(db, milestone.StrategyId, clock.Today()).AnyAsync(m => m.Id == meetingId, cancellationToken);
            if (!coming)
            {
                modelState.AddModelError("Input.DecisionMeetingId", localizer["StatusUpdate.DecisionMeetingUnknown"]);
            }
        }

        return explanation;
    }

    /// <summary>An explanation typed for a status that needs none would be lost without a word: the form says so instead.</summary>
    private void RefuseUnneededExplanation(StatusUpdateInput input, ModelStateDictionary modelState)
    {
        var status = localizer[$"MilestoneStatus.{input.Status}"];
        var typed = new (string Field, bool Filled)[]
        {
            (nameof(input.Reason), Text(input.Reason) is not null),
            (nameof(input.ConsequenceForPlan), Text(input.ConsequenceForPlan) is not null),
            (nameof(input.ConsequenceForFamilies), Text(input.ConsequenceForFamilies) is not null),
            (nameof(input.NextStep), Text(input.NextStep) is not null),
            (nameof(input.NextStepDate), input.NextStepDate is not null),
            (nameof(input.DecisionQuestion), Text(input.DecisionQuestion) is not null),
            (nameof(input.DecisionMeetingId), input.DecisionMeetingId is not null),
        };
        foreach (var (field, _) in typed.Where(t => t.Filled))
        {
            modelState.AddModelError($"Input.{field}", localizer["StatusUpdate.ExplanationNotNeeded", status]);
        }
    }

    private sealed record StatusExplanation(
        string? Reason, string? ConsequenceForPlan, string? ConsequenceForFamilies, string? NextStep, DateOnly? NextStepDate, string? DecisionQuestion, int? DecisionMeetingId);
}
