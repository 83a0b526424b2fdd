using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The rows a briefing is built from, read in seven queries or fewer whatever the plan's size: everything
/// per milestone (focus areas, owner, latest comment) comes from one projection, never one query each.
/// </summary>
internal sealed record BriefingData(
    BriefingData.StrategyRow Strategy,
    List<BriefingData.MeetingRow> Meetings,
    List<BriefingData.FocusAreaRow> FocusAreas,
    List<BriefingData.MilestoneRow> Milestones,
    List<BriefingData.UpdateRow> Updates,
    List<BriefingData.BudgetRow> Budget,
    DateTime SinceUtc)
{
    /// <param name="sinceFor">Start of the status history to read, decided from the committee's meetings.</param>
    public static async Task<BriefingData> LoadAsync(AppDbContext db, int strategyId, int? meetingId, Func<List<MeetingRow>, DateTime> sinceFor, CancellationToken ct)
    {
        var strategy = await db.Strategies.AsNoTracking()
            .Where(s => s.Id == strategyId)
            .Select(s => new StrategyRow(s.Name, s.Municipality, s.Division, s.CommitteeId, s.Committee != null ? s.Committee.Name : null))
            .SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Strategy {strategyId} does not exist.");

        // The meeting's committee decides which meetings are "previous" and "next"; without a meeting, the strategy's committee.
        var meetings = meetingId is { } id
            ? await db.CommitteeMeetings.AsNoTracking()
                .Where(m => m.Committee!.Meetings.Any(other => other.Id == id))
                .OrderBy(m => m.MeetingDate)
                .Select(m => new MeetingRow(m.Id, m.MeetingDate, m.Committee!.Name))
                .ToListAsync(ct)
            : await db.CommitteeMeetings.AsNoTracking()
                .Where(m => m.CommitteeId == strategy.CommitteeId)
                .OrderBy(m => m.MeetingDate)
                .Select(m => new MeetingRow(m.Id, m.MeetingDate, m.Committee!.Name))
                .ToListAsync(ct);
        if (meetingId is not null && meetings.All(m => m.Id != meetingId))
        {
            throw new InvalidOperationException($"Committee meeting {meetingId} does not exist.");
        }

        var focusAreas = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == strategyId)
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => new FocusAreaRow(f.Id, f.SortOrder, f.Title, f.StatusOverride, f.StatusOverrideJustification, f.StatusOverrideByName, f.StatusOverrideAtUtc))
            .ToListAsync(ct);

        var milestones = (await db.Milestones.AsNoTracking()
            .Where(m => m.StrategyId == strategyId)
            .OrderBy(m => m.Timing.Start).ThenBy(m => m.Timing.End).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.Title,
                m.Timing.Precision,
                m.Timing.Year,
                m.Timing.Period,
                m.Timing.Date,
                m.Timing.StartTime,
                m.Timing.EndTime,
                m.Status,
                m.ProgressPercent,
                m.ForecastDate,
                OwnerName = m.Owner != null ? m.Owner.FullName : null,
                FocusAreaIds = m.FocusAreas.Select(f => f.Id).ToList(),
                LatestComment = m.StatusUpdates
                    .Where(u => (u.Comment != null && u.Comment != string.Empty) || u.Reason != null)
                    .OrderByDescending(u => u.UpdatedAtUtc).ThenByDescending(u => u.Id)
                    .Select(u => u.Comment != null && u.Comment != string.Empty ? u.Comment : u.Reason)
                    .FirstOrDefault(),
            })
            .ToListAsync(ct))
            .Select(m => new MilestoneRow(
                m.Id,
                m.Title,
                PlannedTiming.Create(m.Precision, m.Year, m.Period, m.Date, m.StartTime, m.EndTime),
                m.Status,
                m.ProgressPercent,
                m.ForecastDate,
                m.OwnerName,
                m.FocusAreaIds,
                m.LatestComment))
            .ToList();

        // History stays in the briefing after a milestone is archived: the committee heard about it.
        var sinceUtc = DateTime.SpecifyKind(sinceFor(meetings), DateTimeKind.Utc);
        var updates = await db.MilestoneStatusUpdates.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Milestone!.StrategyId == strategyId && u.UpdatedAtUtc >= sinceUtc)
            .OrderBy(u => u.UpdatedAtUtc).ThenBy(u => u.Id)
            .Select(u => new UpdateRow(u.MilestoneId, u.Milestone!.Title, u.Milestone.IsArchived, u.UpdatedAtUtc, u.UpdatedByName, u.OldStatus, u.NewStatus, u.OldForecastDate, u.NewForecastDate, u.Comment ?? u.Reason))
            .ToListAsync(ct);

        var budget = await db.BudgetInitiatives.AsNoTracking()
            .Where(b => b.StrategyId == strategyId)
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => new BudgetRow(b.Title, b.BudgetSketch, b.DecisionState, b.DecisionNote, b.Amounts.Select(a => new AmountRow(a.Year, a.AmountDkk)).ToList()))
            .ToListAsync(ct);

        return new BriefingData(strategy, meetings, focusAreas, milestones, updates, budget, sinceUtc);
    }

    public sealed record StrategyRow(string Name, string Municipality, string Division, int? CommitteeId, string? CommitteeName);

    public sealed record MeetingRow(int Id, DateOnly MeetingDate, string CommitteeName);

    public sealed record FocusAreaRow(int Id, int SortOrder, string Title, FocusAreas.FocusAreaStatus? StatusOverride = null, string? Justification = null, string? OverriddenByName = null, DateTime? OverriddenAtUtc = null);

    public sealed record MilestoneRow(
        int Id,
        string Title,
        PlannedTiming Timing,
        MilestoneStatus Status,
        int ProgressPercent,
        DateOnly? ForecastDate,
        string? OwnerName,
        List<int> FocusAreaIds,
        string? LatestComment)
    {
        // The entity owns the rules for "expected by", "open" and "overdue"; a detached copy lets the briefing use them unchanged.
        private readonly Milestone rules = new() { Title = Title, Timing = Timing, Status = Status, ForecastDate = ForecastDate };

        public DateOnly ExpectedBy => rules.ExpectedBy;

        public bool IsOpen => rules.IsOpen;

        public bool IsOverdue(DateOnly today) => rules.IsOverdue(today);
    }

    public sealed record UpdateRow(
        int MilestoneId,
        string MilestoneTitle,
        bool MilestoneArchived,
        DateTime UpdatedAtUtc,
        string UpdatedByName,
        MilestoneStatus OldStatus,
        MilestoneStatus NewStatus,
        DateOnly? OldForecastDate,
        DateOnly? NewForecastDate,
        string? Comment);

    public sealed record BudgetRow(string Title, string BudgetSketch, BudgetDecisionState DecisionState, string? DecisionNote, List<AmountRow> Amounts);

    public sealed record AmountRow(int Year, long AmountDkk);
}
