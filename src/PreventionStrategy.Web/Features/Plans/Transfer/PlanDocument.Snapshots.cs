using System.Text.Json;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>
/// A committee meeting's frozen snapshot, carried as history. <see cref="Document"/> is the stored snapshot
/// document (CommitteeCycle/SnapshotDocument, its own schema version) with the database's ids replaced by
/// positions in this file: a milestone, focus area or budget initiative by its 1-based place in this file's
/// list, one no longer in the plan by -1, -2, … in order of appearance; the strategy is 0, the meeting null.
/// </summary>
public sealed record PlanSnapshot
{
    /// <summary>The meeting it was frozen for; the import ties it to the committee's meeting on that day.</summary>
    public required DateOnly? MeetingDate { get; init; }

    public DateTime TakenAtUtc { get; init; }

    public int SchemaVersion { get; init; }

    public required JsonElement Document { get; init; }
}
