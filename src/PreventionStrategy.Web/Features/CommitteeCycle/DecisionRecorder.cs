using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

public enum AnswerOutcome
{
    Recorded,
    NotFound,
    AlreadyAnswered,

    /// <summary>Someone changed the decision since the form was opened (its version moved on).</summary>
    Stale,
}

/// <summary>
/// Records the committee's answer to a decision after the meeting. The answer and its line in the milestone's
/// history are one save; the decision's version refuses a second, stale answer. Takes ids and values, so the
/// demo seed can use it as the page does.
/// </summary>
public sealed class DecisionRecorder(AppDbContext db, TimeProvider clock)
{
    public async Task<AnswerOutcome> AnswerAsync(int decisionId, int version, DecisionAnswer answer, string? note, string? userId, string userName, CancellationToken cancellationToken)
    {
        var decision = await db.CommitteeDecisions.Include(d => d.Milestone).FirstOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (decision is null)
        {
            return AnswerOutcome.NotFound;
        }

        if (decision.Answer is not null)
        {
            return AnswerOutcome.AlreadyAnswered;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        db.Entry(decision).Property(d => d.Version).OriginalValue = version;
        decision.Answer = answer;
        decision.AnswerNote = note;
        decision.AnsweredById = userId;
        decision.AnsweredByName = userName;
        decision.AnsweredAtUtc = now;

        // The milestone's history tells the whole story: the answer is a line in it, the status unchanged.
        var milestone = decision.Milestone!;
        db.MilestoneStatusUpdates.Add(new MilestoneStatusUpdate
        {
            MilestoneId = milestone.Id,
            UpdatedById = userId,
            UpdatedByName = userName,
            UpdatedAtUtc = now,
            OldStatus = milestone.Status,
            NewStatus = milestone.Status,
            OldProgressPercent = milestone.ProgressPercent,
            NewProgressPercent = milestone.ProgressPercent,
            OldForecastDate = milestone.ForecastDate,
            NewForecastDate = milestone.ForecastDate,
            Comment = DecisionWording.HistoryLine(decision.Question, answer, note),
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return AnswerOutcome.Recorded;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AnswerOutcome.Stale;
        }
    }
}
