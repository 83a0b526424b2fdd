using Ical.Net;
using Ical.Net.CalendarComponents;
using MimeKit;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

public static class EventTestData
{
    public static async Task<int> CreatePersonAsync(this SiteFactory site, string name, string email, int? unitId = null)
    {
        await using var db = site.CreateDbContext();
        var person = new Stakeholder { Kind = StakeholderKind.Person, Name = name, Email = email, UnitId = unitId };
        db.Stakeholders.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    /// <summary>A dated event of the demo strategy, with its invited units and persons, made straight in the database.</summary>
    public static async Task<int> CreateEventAsync(
        this SiteFactory site,
        string title,
        DateOnly date,
        IReadOnlyList<(int StakeholderId, StakeholderRole Role)> invited,
        TimeOnly? start = null,
        TimeOnly? end = null,
        string? location = "Auning Kulturcenter",
        MilestoneKind kind = MilestoneKind.ThemeDay,
        string? ownerId = null)
    {
        await using var db = site.CreateDbContext();
        var milestone = new Milestone
        {
            StrategyId = await site.StrategyIdAsync(),
            Title = title,
            Description = "Fælles temadag om tidlig opsporing for skole, dagtilbud og familieafdeling.",
            Kind = kind,
            Timing = PlannedTiming.OnDay(date, start, end),
            Location = location,
            OwnerId = ownerId,
            LastStatusUpdateAtUtc = DateTime.UtcNow,
            Stakeholders = invited.Select(i => new MilestoneStakeholder { StakeholderId = i.StakeholderId, Role = i.Role }).ToList(),
        };
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
    }

    public static IReadOnlyList<MimeMessage> To(this IEnumerable<MimeMessage> messages, string email) =>
        messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The calendar invitation inside the message's alternative part, parsed.</summary>
    public static (Calendar Calendar, CalendarEvent Event, string Method) Invitation(this MimeMessage message)
    {
        var part = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        var calendar = Calendar.Load(part.Text) ?? throw new InvalidOperationException("No calendar in the invitation.");
        return (calendar, calendar.Events.Single(), part.ContentType.Parameters["method"] ?? string.Empty);
    }
}
