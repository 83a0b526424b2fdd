using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Reminders;

namespace PreventionStrategy.Web.Features.Calendar;

/// <summary>
/// A subscribed calendar (RFC 5545, METHOD:PUBLISH): the milestones as events that calendar apps
/// fetch again every hour. Each event has the UID and SEQUENCE of the emailed invitations
/// (<see cref="EventInvitation"/>), so someone who both subscribes and is invited sees one entry,
/// and a moved event replaces the old one instead of appearing twice.
/// </summary>
public static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Raised when the shape of the feed changes, so calendars holding an ETag fetch the new shape.</summary>
    private const string Format = "1";

    private const string RefreshInterval = "PT1H";

    /// <summary>
    /// A weak ETag over everything the feed shows (not the DTSTAMPs, which are the time of writing):
    /// unchanged data answers 304 and the calendar keeps what it has.
    /// </summary>
    public static string ETag(string name, string siteBaseUrl, IReadOnlyList<FeedEntry> entries)
    {
        var text = new StringBuilder(Format).Append('\n').Append(name).Append('\n').Append(siteBaseUrl);
        foreach (var entry in entries)
        {
            text.Append('\n').Append(entry);
        }

        return $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32]}\"";
    }

    /// <param name="statusName">The status in words (Danish), for the description: a calendar shows no colours of ours.</param>
    public static string Write(string name, string siteBaseUrl, IReadOnlyList<FeedEntry> entries, Func<MilestoneStatus, string> statusName, DateTime nowUtc)
    {
        var host = new Uri(siteBaseUrl).Host;
        var calendar = new Ical.Net.Calendar
        {
            ProductId = "-//PreventionStrategy//Calendar//DA",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", EventInvitation.TimeZoneId);

        // Outlook reads X-PUBLISHED-TTL, Apple and Google's newer clients the RFC 7986 REFRESH-INTERVAL.
        var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
        refresh.Parameters.Set("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);
        calendar.AddTimeZone(EventInvitation.TimeZoneId);

        var stamp = new CalDateTime(nowUtc, "UTC", hasTime: true);
        foreach (var entry in entries)
        {
            calendar.Events.Add(Event(entry, siteBaseUrl.TrimEnd('/'), host, statusName, stamp));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar feed could not be written.");
    }

    private static CalendarEvent Event(FeedEntry entry, string baseUrl, string host, Func<MilestoneStatus, string> statusName, CalDateTime stamp)
    {
        var link = $"{baseUrl}/Milestones/Details/{entry.Id}";
        var cancelled = entry.Status == MilestoneStatus.Cancelled;
        var description = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(entry.Description))
        {
            description.Append(entry.Description.Trim()).Append("\n\n");
        }

        description.Append("Status: ").Append(statusName(entry.Status)).Append('\n')
            .Append("Strategi: ").Append(entry.StrategyName).Append('\n')
            .Append(link);

        var calendarEvent = new CalendarEvent
        {
            Uid = EventInvitation.Uid(entry.Id, host),
            Sequence = entry.EventSequence,

            // Google and some phones ignore STATUS in a subscribed feed; the word in the title says it everywhere.
            Summary = cancelled ? $"{statusName(entry.Status)}: {entry.Title}" : entry.Title,
            Description = description.ToString(),
            Location = entry.Location,
            Url = new Uri(link),
            DtStamp = stamp,
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        };
        EventInvitation.SetWhen(calendarEvent, entry.Date, entry.StartTime, entry.EndTime);
        return calendarEvent;
    }
}
