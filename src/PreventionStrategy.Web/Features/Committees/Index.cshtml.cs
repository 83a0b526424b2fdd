using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Committees;

/// <summary>Every committee with its members and meetings, upcoming meetings first. Four SQL commands, whatever the number of committees.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CommitteeView> Committees { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        var committees = await db.Committees.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Municipality, c.Description })
            .ToListAsync(cancellationToken);
        var members = await db.Committees.AsNoTracking()
            .SelectMany(c => c.Members, (c, m) => new { CommitteeId = c.Id, Member = new CommitteeMemberView(m.Id, m.Name, m.Title, m.Email) })
            .ToListAsync(cancellationToken);
        var meetings = await db.CommitteeMeetings.AsNoTracking()
            .OrderBy(m => m.MeetingDate).ThenBy(m => m.StartTime)
            .Select(m => new MeetingView(m.Id, m.CommitteeId, m.MeetingDate, m.StartTime, m.Location, m.BriefingDeadline, m.Notes))
            .ToListAsync(cancellationToken);

        // The strategies reporting to each committee: their decisions and "since the last meeting" are linked from here.
        var strategies = await db.Strategies.AsNoTracking()
            .Where(s => s.CommitteeId != null)
            .OrderBy(s => s.Name)
            .Select(s => new { CommitteeId = s.CommitteeId!.Value, Strategy = new CommitteeStrategyView(s.Id, s.Name) })
            .ToListAsync(cancellationToken);
        var strategiesByCommittee = strategies.ToLookup(s => s.CommitteeId, s => s.Strategy);

        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var membersByCommittee = members.ToLookup(m => m.CommitteeId, m => m.Member);
        var meetingsByCommittee = meetings.ToLookup(m => m.CommitteeId);
        var today = Today;
        Committees = committees.Select(c => new CommitteeView(
                c.Id,
                c.Name,
                c.Municipality,
                c.Description,
                membersByCommittee[c.Id].OrderBy(m => m.Name, comparer).ToList(),
                meetingsByCommittee[c.Id].Where(m => m.MeetingDate >= today).ToList(),
                meetingsByCommittee[c.Id].Where(m => m.MeetingDate < today).Reverse().ToList())
            {
                Strategies = strategiesByCommittee[c.Id].ToList(),
            })
            .ToList();
    }
}

public sealed record CommitteeMemberView(int Id, string Name, string? Title, string? Email);

/// <summary>The model of the meeting table partial.</summary>
public sealed record MeetingTable(string Caption, IReadOnlyList<MeetingView> Meetings, DateOnly Today);

public sealed record MeetingView(int Id, int CommitteeId, DateOnly MeetingDate, TimeOnly? StartTime, string? Location, DateOnly BriefingDeadline, string? Notes);

/// <summary>A committee; <see cref="Upcoming"/> soonest first, <see cref="Past"/> latest first.</summary>
public sealed record CommitteeView(
    int Id,
    string Name,
    string Municipality,
    string? Description,
    IReadOnlyList<CommitteeMemberView> Members,
    IReadOnlyList<MeetingView> Upcoming,
    IReadOnlyList<MeetingView> Past)
{
    public IReadOnlyList<CommitteeStrategyView> Strategies { get; init; } = [];
}

public sealed record CommitteeStrategyView(int Id, string Name);
