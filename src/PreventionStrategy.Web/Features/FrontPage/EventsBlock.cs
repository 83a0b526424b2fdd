using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Calendar;

namespace PreventionStrategy.Web.Features.FrontPage;

/// <summary>The events a person takes part in over the coming weeks: exactly what their calendar feed holds.</summary>
public sealed record EventsBlock(IReadOnlyList<FeedEntry> Events, int Weeks, bool HasFeed)
{
    public const int ComingWeeks = 8;

    public static async Task<EventsBlock> LoadAsync(AppDbContext db, string userId, DateOnly today, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return new EventsBlock([], ComingWeeks, false);
        }

        var until = today.AddDays(7 * ComingWeeks);
        var events = (await FeedEntries.ForUserAsync(db, user, cancellationToken))
            .Where(e => e.Date >= today && e.Date <= until)
            .ToList();
        var hasFeed = await db.CalendarFeedTokens.AsNoTracking().AnyAsync(t => t.UserId == userId, cancellationToken);
        return new EventsBlock(events, ComingWeeks, hasFeed);
    }
}
