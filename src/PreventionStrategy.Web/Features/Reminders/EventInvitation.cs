using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// The calendar invitation sent with an event's messages (iTIP, RFC 5546). One UID per milestone,
/// so a later update or cancellation replaces the entry already in the recipient's calendar
/// instead of adding a second one; the SEQUENCE tells the calendar which version is newer.
/// </summary>
public static class EventInvitation
{
    public const string TimeZoneId = "Europe/Copenhagen";

    private static readonly IdnMapping Idn = new();

    public static string Uid(Milestone milestone, string siteHost) => Uid(milestone.Id, siteHost);

    /// <summary>Shared with the calendar feeds, so a subscribed feed and an emailed invitation are the same calendar entry.</summary>
    public static string Uid(int milestoneId, string siteHost) => $"milestone-{milestoneId}@{siteHost}";

    /// <param name="senderEmail">
    /// The site's own address. When the organiser is someone else (the milestone's owner), it is
    /// named as SENT-BY: replies reach the owner, and the calendar knows who actually sent it.
    /// </param>
    public static string Create(InvitationSent invitation, string? description, string? link, string siteHost, string senderEmail, string attendeeEmail, DateTime stampUtc)
    {
        // Qualified: inside PreventionStrategy.Web.Features, "Calendar" is the Features/Calendar namespace.
        var calendar = new Ical.Net.Calendar
        {
            ProductId = "-//PreventionStrategy//Reminders//DA",
            Method = invitation.Cancelled ? "CANCEL" : "REQUEST",
        };
        calendar.AddTimeZone(TimeZoneId);

        var organizer = new Organizer(MailTo(invitation.OrganizerEmail)) { CommonName = invitation.OrganizerName };
        if (!string.Equals(invitation.OrganizerEmail, senderEmail, StringComparison.OrdinalIgnoreCase))
        {
            organizer.SentBy = new Uri(MailTo(senderEmail));
        }

        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(invitation.MilestoneId, siteHost),
            Sequence = invitation.Sequence,
            Summary = invitation.Title,
            Description = description,
            Location = invitation.Location,
            Url = link is null ? null : new Uri(link),
            DtStamp = new CalDateTime(stampUtc, "UTC", hasTime: true),
            Status = invitation.Cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = organizer,
        };
        calendarEvent.Attendees.Add(new Attendee(MailTo(attendeeEmail)) { Rsvp = false, Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION" });

        SetWhen(calendarEvent, invitation.Date, invitation.StartTime, invitation.EndTime);
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The invitation could not be written.");
    }

    /// <summary>
    /// "mailto:" with the domain in the same ASCII (punycode) form MimeKit writes in the To: header,
    /// so a client matches the attendee to the mailbox it arrived in.
    /// </summary>
    public static string MailTo(string email) => $"mailto:{AsciiAddress(email)}";

    public static string AsciiAddress(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? email : email[..(at + 1)] + Idn.GetAscii(email[(at + 1)..]);
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
