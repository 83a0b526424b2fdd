using PreventionStrategy.Web.Features.Briefings;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>
/// The whole strategy as a committee meeting's briefing showed it, frozen when the briefing was first issued:
/// one per strategy and meeting (a unique index), never changed (<see cref="Data.AppDbContext"/> refuses an
/// update), kept as a versioned JSON <see cref="SnapshotDocument"/> so later versions of the site can read it.
/// </summary>
public sealed class StrategySnapshot
{
    public int Id { get; set; }

    public int StrategyId { get; set; }

    /// <summary>Null only once the meeting itself has been deleted; the date stays in <see cref="MeetingDate"/>.</summary>
    public int? CommitteeMeetingId { get; set; }

    public DateOnly MeetingDate { get; set; }

    public DateTime TakenAtUtc { get; set; }

    /// <summary><see cref="SnapshotDocument.SchemaVersion"/> of <see cref="Document"/>, readable without parsing it.</summary>
    public int SchemaVersion { get; set; }

    public required string Document { get; set; }

    /// <summary>The briefing whose issue froze it; null for a snapshot brought in by a plan import.</summary>
    public int? CommitteeBriefingId { get; set; }

    public CommitteeBriefing? CommitteeBriefing { get; set; }
}
