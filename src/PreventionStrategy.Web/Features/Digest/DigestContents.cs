using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Reminders;

namespace PreventionStrategy.Web.Features.Digest;

/// <summary>
/// What each person's digest says, read from the database as it is now: used when planning (who has
/// something to say) and again when composing (so a milestone updated in between is not listed).
/// A fixed number of queries whatever the number of people.
/// </summary>
public static class DigestContents
{
    /// <param name="only">Just these addresses (normalised), when composing a batch; null: everyone.</param>
    public static async Task<IReadOnlyDictionary<string, DigestContent>> ForAsync(
        AppDbContext db, DateOnly today, DateTime nowUtc, int staleAfterWeeks, int eventWeeks, IReadOnlyCollection<string>? only, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.FullName })
            .ToListAsync(cancellationToken);
        var userEmails = users.ToDictionary(u => u.Id, u => OptOuts.Normalize(u.Email!));
        var names = new Dictionary<string, string?>();
        foreach (var user in users)
        {
            names.TryAdd(OptOuts.Normalize(user.Email!), user.FullName);
        }

        var wantedOwners = only is null ? null : userEmails.Where(u => only.Contains(u.Value)).Select(u => u.Key).ToList();
        var milestones = await NeedingUpdateAsync(db, today, nowUtc.AddDays(-7 * staleAfterWeeks), wantedOwners, cancellationToken);
        var indicators = await MissingFiguresAsync(db, today, wantedOwners, cancellationToken);
        var events = await EventsAsync(db, today, today.AddDays(7 * eventWeeks), cancellationToken);

        var emails = milestones.Select(m => userEmails.GetValueOrDefault(m.OwnerId))
            .Concat(indicators.Select(i => userEmails.GetValueOrDefault(i.OwnerId)))
            .Concat(events.SelectMany(e => e.Recipients.Select(r => OptOuts.Normalize(r.Email))))
            .OfType<string>()
            .Where(e => only is null || only.Contains(e))
            .ToHashSet();
        foreach (var recipient in events.SelectMany(e => e.Recipients))
        {
            names.TryAdd(OptOuts.Normalize(recipient.Email), recipient.Name);
        }

        var preferences = await MailPreferences.ForAsync(db, emails, cancellationToken);
        bool Wants(string email, MailList list) =>
            MailLists.InDigest(preferences.TryGetValue((email, list), out var choice) ? choice : MailChoice.Immediately);

        return emails.ToDictionary(
            email => email,
            email => new DigestContent(
                email,
                names.GetValueOrDefault(email),
                Wants(email, MailList.UpdateRequests) ? milestones.Where(m => userEmails.GetValueOrDefault(m.OwnerId) == email).Select(m => m.Milestone).ToList() : [],
                Wants(email, MailList.UpdateRequests) ? indicators.Where(i => userEmails.GetValueOrDefault(i.OwnerId) == email).Select(i => i.Indicator).ToList() : [],
                Wants(email, MailList.EventReminders) ? events.Where(e => e.Recipients.Any(r => OptOuts.Normalize(r.Email) == email)).Select(e => e.Event).ToList() : []));
    }

    /// <summary>Open milestones that are overdue, at risk, delayed, or not updated since <paramref name="staleBeforeUtc"/>: most urgent first.</summary>
    private static async Task<List<(string OwnerId, DigestMilestone Milestone)>> NeedingUpdateAsync(
        AppDbContext db, DateOnly today, DateTime staleBeforeUtc, List<string>? owners, CancellationToken cancellationToken)
    {
        var query = db.Milestones.AsNoTracking()
            .Where(m => m.OwnerId != null && m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled)
            .Where(m => (m.ForecastDate ?? m.Timing.End) < today
                || m.Status == MilestoneStatus.AtRisk || m.Status == MilestoneStatus.Delayed
                || m.LastStatusUpdateAtUtc == null || m.LastStatusUpdateAtUtc < staleBeforeUtc);
        if (owners is not null)
        {
            query = query.Where(m => owners.Contains(m.OwnerId!));
        }

        var rows = await query
            .Select(m => new { m.OwnerId, m.Id, m.Title, m.Status, ExpectedBy = m.ForecastDate ?? m.Timing.End, m.LastStatusUpdateAtUtc })
            .ToListAsync(cancellationToken);
        return rows
            .Select(m => (m.OwnerId!, new DigestMilestone(
                m.Id,
                m.Title,
                m.ExpectedBy < today ? DigestReason.Overdue
                    : m.Status == MilestoneStatus.Delayed ? DigestReason.Delayed
                    : m.Status == MilestoneStatus.AtRisk ? DigestReason.AtRisk
                    : DigestReason.NotUpdated,
                m.ExpectedBy,
                m.LastStatusUpdateAtUtc)))
            .OrderBy(m => m.Item2.Reason).ThenBy(m => m.Item2.ExpectedBy).ThenBy(m => m.Item2.Id)
            .ToList();
    }

    /// <summary>Owned indicators without a figure for the last period that has ended.</summary>
    private static async Task<List<(string OwnerId, DigestIndicator Indicator)>> MissingFiguresAsync(
        AppDbContext db, DateOnly today, List<string>? owners, CancellationToken cancellationToken)
    {
        var query = db.Indicators.AsNoTracking().Where(i => i.OwnerId != null);
        if (owners is not null)
        {
            query = query.Where(i => owners.Contains(i.OwnerId!));
        }

        var indicators = await query.OrderBy(i => i.SortOrder).ThenBy(i => i.Name)
            .Select(i => new { i.Id, i.Name, i.Frequency, i.OwnerId })
            .ToListAsync(cancellationToken);
        if (indicators.Count == 0)
        {
            return [];
        }

        var wanted = indicators.Select(i => (Indicator: i, Period: IndicatorPeriods.LastEndedBefore(today, i.Frequency))).ToList();
        var ids = indicators.Select(i => i.Id).ToList();
        var keys = wanted.Select(w => IndicatorPeriods.Key(w.Period)).Distinct().ToList();
        var present = await FiguresPresent.LoadAsync(db, ids, keys, cancellationToken);
        return wanted
            .Where(w => !present.Contains((w.Indicator.Id, IndicatorPeriods.Key(w.Period))))
            .Select(w => (w.Indicator.OwnerId!, new DigestIndicator(w.Indicator.Id, w.Indicator.Name, IndicatorPeriods.Key(w.Period), w.Period)))
            .ToList();
    }

    /// <summary>Dated events from today to <paramref name="until"/> that are on, with the people they invite (as reminders reach them).</summary>
    private static async Task<List<(DigestEvent Event, IReadOnlyList<Recipient> Recipients)>> EventsAsync(
        AppDbContext db, DateOnly today, DateOnly until, CancellationToken cancellationToken)
    {
        var events = await db.Milestones.AsNoTracking()
            .Where(m => m.Timing.Date != null && m.Timing.Date >= today && m.Timing.Date <= until && m.Status != MilestoneStatus.Cancelled)
            .Include(m => m.Stakeholders)
            .OrderBy(m => m.Timing.Date).ThenBy(m => m.Timing.StartTime).ThenBy(m => m.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return [];
        }

        var recipients = await EventRecipients.LoadAsync(db, cancellationToken);
        return events
            .Select(m => (new DigestEvent(m.Id, m.Title, m.Timing.Date!.Value, m.Timing.StartTime, m.Location), recipients.For(m.Stakeholders)))
            .Where(e => e.Item2.Count > 0)
            .ToList();
    }
}
