using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// The calendar invitation attached to a reminder (iTIP, RFC 5546). One UID per milestone, so a
/// later update or cancellation replaces the entry already in the recipient's calendar instead of
/// adding a second one; the SEQUENCE tells the calendar which version is newer.
/// </summary>
public static class EventInvitation
{
    public const string TimeZoneId = "Europe/Copenhagen";

    public static string Uid(Milestone milestone, string siteHost) => Uid(milestone.Id, siteHost);

    /// <summary>Shared with the calendar feeds, so a subscribed feed and an emailed invitation are the same calendar entry.</summary>
    public static string Uid(int milestoneId, string siteHost) => $"milestone-{milestoneId}@{siteHost}";

    public static string Create(Milestone milestone, string description, string link, string siteHost, string organiserEmail, string organiserName, string attendeeEmail, bool cancel, DateTime stampUtc)
    {
        var date = milestone.Timing.Date ?? throw new InvalidOperationException("Only a dated milestone has a calendar event.");

        // Qualified: inside PreventionStrategy.Web.Features, "Calendar" is the Features/Calendar namespace.
        var calendar = new Ical.Net.Calendar
        {
            ProductId = "-//PreventionStrategy//Reminders//DA",
            Method = cancel ? "CANCEL" : "REQUEST",
        };
        calendar.AddTimeZone(TimeZoneId);

        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(milestone, siteHost),
            Sequence = milestone.EventSequence,
            Summary = milestone.Title,
            Description = description,
            Location = milestone.Location,
            Url = new Uri(link),
            DtStamp = new CalDateTime(stampUtc, "UTC", hasTime: true),
            Status = cancel ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{organiserEmail}") { CommonName = organiserName },
        };
        calendarEvent.Attendees.Add(new Attendee($"mailto:{attendeeEmail}") { Rsvp = false, Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION" });

        SetWhen(calendarEvent, date, milestone.Timing.StartTime, milestone.Timing.EndTime);
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The invitation could not be written.");
    }

    /// <summary>DTSTART and DTEND, the same in an invitation and in a feed: Danish local time, or all day.</summary>
    public static void SetWhen(CalendarEvent calendarEvent, DateOnly date, TimeOnly? startTime, TimeOnly? endTime)
    {
        if (startTime is { } start)
        {
            calendarEvent.DtStart = new CalDateTime(date, start, TimeZoneId);
            var end = endTime ?? (start < new TimeOnly(23, 0) ? start.AddHours(1) : new TimeOnly(23, 59));
            calendarEvent.DtEnd = new CalDateTime(date, end, TimeZoneId);
        }
        else
        {
            // An all-day event: DTEND is exclusive, the day after.
            calendarEvent.DtStart = new CalDateTime(date);
            calendarEvent.DtEnd = new CalDateTime(date.AddDays(1));
        }
    }
}
