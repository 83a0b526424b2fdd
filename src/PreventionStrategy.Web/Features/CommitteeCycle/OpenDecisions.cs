using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>A decision as lists show it: the dashboard's "Til beslutning", the administrators' list.</summary>
public sealed record DecisionRow(
    int Id,
    int Version,
    int MilestoneId,
    string MilestoneTitle,
    string? OwnerName,
    string Question,
    DateOnly? MeetingDate,
    string AskedByName,
    DateTime AskedAtUtc,
    DecisionAnswer? Answer,
    string? AnswerNote,
    string? AnsweredByName,
    DateTime? AnsweredAtUtc);

public static class DecisionQueries
{
    /// <summary>Decisions of a strategy, to filter and order before <see cref="ToRows"/>.</summary>
    public static IQueryable<CommitteeDecision> Of(AppDbContext db, int strategyId) =>
        db.CommitteeDecisions.AsNoTracking().Where(d => d.Milestone!.StrategyId == strategyId);

    /// <summary>Waiting for an answer: for the soonest meeting first (those for "the next meeting" before dated ones), then oldest.</summary>
    public static IQueryable<CommitteeDecision> Open(this IQueryable<CommitteeDecision> decisions) =>
        decisions.Where(d => d.Answer == null)
            .OrderBy(d => d.CommitteeMeeting != null ? (DateOnly?)d.CommitteeMeeting.MeetingDate : null).ThenBy(d => d.AskedAtUtc).ThenBy(d => d.Id);

    public static IQueryable<DecisionRow> ToRows(this IQueryable<CommitteeDecision> decisions) =>
        decisions.Select(d => new DecisionRow(
            d.Id,
            d.Version,
            d.MilestoneId,
            d.Milestone!.Title,
            d.Milestone.Owner != null ? d.Milestone.Owner.FullName : null,
            d.Question,
            d.CommitteeMeeting != null ? (DateOnly?)d.CommitteeMeeting.MeetingDate : null,
            d.AskedByName,
            d.AskedAtUtc,
            d.Answer,
            d.AnswerNote,
            d.AnsweredByName,
            d.AnsweredAtUtc));
}
