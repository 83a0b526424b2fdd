using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Committees;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>The meetings a decision can be asked for: those of the strategy's committee from today on.</summary>
public static class ComingMeetings
{
    public static IQueryable<CommitteeMeeting> Query(AppDbContext db, int strategyId, DateOnly today) =>
        db.CommitteeMeetings
            .Where(m => m.MeetingDate >= today && db.Strategies.Any(s => s.Id == strategyId && s.CommitteeId == m.CommitteeId))
            .OrderBy(m => m.MeetingDate);
}
