using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Reminders;

namespace PreventionStrategy.Web.Features.Calendar;

/// <summary>One milestone as a feed shows it.</summary>
public sealed record FeedEntry(
    int Id,
    string Title,
    string? Description,
    string? Location,
    DateOnly Date,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    MilestoneStatus Status,
    int EventSequence,
    string StrategyName);

/// <summary>
/// Which milestones a feed holds. Only dated ones (a day, with or without times): a milestone
/// planned to a month, quarter or half-year has no day yet, and as an all-day span it would lie
/// across every day of the period in people's calendars; it joins the feed once it gets a date.
/// </summary>
public static class FeedEntries
{
    /// <summary>
    /// What the user owns or takes part in: exactly the events that would send them reminders
    /// (invited in person by their address, or through their unit, see <see cref="EventRecipients"/>),
    /// and their own. Three queries, whatever the size of the plan.
    /// </summary>
    public static async Task<IReadOnlyList<FeedEntry>> ForUserAsync(AppDbContext db, ApplicationUser user, CancellationToken cancellationToken)
    {
        var reaching = new List<int>();
        if (!string.IsNullOrWhiteSpace(user.Email))
        {
            var recipients = await EventRecipients.LoadAsync(db, cancellationToken);
            reaching = recipients.StakeholdersReaching(user.Email).ToList();
        }

        var roles = EventRecipients.RolesReminded;
        return await ToEntriesAsync(
            Dated(db).Where(m => m.OwnerId == user.Id || m.Stakeholders.Any(l => reaching.Contains(l.StakeholderId) && roles.Contains(l.Role))),
            cancellationToken);
    }

    public static Task<IReadOnlyList<FeedEntry>> ForStrategyAsync(AppDbContext db, int strategyId, CancellationToken cancellationToken) =>
        ToEntriesAsync(Dated(db).Where(m => m.StrategyId == strategyId), cancellationToken);

    // Archived milestones are left out by the query filter, so a calendar drops them on its next refresh.
    private static IQueryable<Milestone> Dated(AppDbContext db) =>
        db.Milestones.AsNoTracking().Where(m => m.Timing.Precision == TimingPrecision.Day && m.Timing.Date != null);

    private static async Task<IReadOnlyList<FeedEntry>> ToEntriesAsync(IQueryable<Milestone> milestones, CancellationToken cancellationToken) =>
        await milestones
            .OrderBy(m => m.Timing.Date).ThenBy(m => m.Timing.StartTime).ThenBy(m => m.Id)
            .Select(m => new FeedEntry(
                m.Id,
                m.Title,
                m.Description,
                m.Location,
                m.Timing.Date!.Value,
                m.Timing.StartTime,
                m.Timing.EndTime,
                m.Status,
                m.EventSequence,
                m.Strategy!.Name))
            .ToListAsync(cancellationToken);
}
