using System.Diagnostics.CodeAnalysis;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>What every request made for a committee meeting checks when it is composed: the meeting is still there and its deadline not passed.</summary>
public static class MeetingRequests
{
    public static bool IsGone([NotNullWhen(false)] CommitteeMeeting? meeting, DateOnly today, [NotNullWhen(true)] out Composition? skip)
    {
        skip = meeting is null ? Composition.Skip("Udvalgsmødet findes ikke længere.")
            : meeting.BriefingDeadline < today ? Composition.Skip("Fristen for orienteringen er overskredet.")
            : null;
        return skip is not null;
    }
}
