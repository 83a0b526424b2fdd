using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.CommitteeCycle;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>The snapshots' part of the plan file: out with ids turned into positions, in with positions turned into the new ids.</summary>
public static class PlanSnapshotExport
{
    /// <param name="milestones">The milestones' ids in the order the file lists them; likewise focus areas and budget initiatives.</param>
    public static async Task<IReadOnlyList<PlanSnapshot>> ExportAsync(AppDbContext db, int strategyId, IReadOnlyList<int> milestones, IReadOnlyList<int> focusAreas, IReadOnlyList<int> budgets, CancellationToken ct)
    {
        var stored = await db.StrategySnapshots.AsNoTracking()
            .Where(s => s.StrategyId == strategyId)
            .OrderBy(s => s.MeetingDate).ThenBy(s => s.Id)
            .Select(s => new { s.MeetingDate, s.TakenAtUtc, s.Document })
            .ToListAsync(ct);

        // One set of maps for all snapshots, so a milestone that left the plan has the same number in each.
        var milestone = SnapshotIds.ToPositions(milestones);
        var focusArea = SnapshotIds.ToPositions(focusAreas);
        var budget = SnapshotIds.ToPositions(budgets);
        var indicator = SnapshotIds.ToPositions([]);
        var decision = SnapshotIds.ToPositions([]);
        return stored.Select(s =>
        {
            var portable = SnapshotIds.Remap(SnapshotDocument.Read(s.Document), 0, null, milestone, focusArea, budget, indicator, decision);
            using var json = JsonDocument.Parse(portable.Write());
            return new PlanSnapshot { MeetingDate = s.MeetingDate, TakenAtUtc = s.TakenAtUtc, SchemaVersion = portable.SchemaVersion, Document = json.RootElement.Clone() };
        }).ToList();
    }

    /// <summary>Reads each snapshot of the file; the 1-based number of the first that cannot be read, with why, or null when all can.</summary>
    public static (int Number, string Reason)? Unreadable(IReadOnlyList<PlanSnapshot> snapshots)
    {
        for (var i = 0; i < snapshots.Count; i++)
        {
            try
            {
                if (snapshots[i].MeetingDate is null)
                {
                    return (i + 1, "meetingDate mangler");
                }

                SnapshotDocument.Read(snapshots[i].Document.GetRawText());
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
            {
                return (i + 1, e.Message);
            }
        }

        return null;
    }

    /// <summary>The file's snapshot as stored for the imported strategy, its positions turned into the new ids.</summary>
    public static StrategySnapshot Import(PlanSnapshot snapshot, int strategyId, int? meetingId, IReadOnlyList<int> milestones, IReadOnlyList<int> focusAreas, IReadOnlyList<int> budgets)
    {
        var document = SnapshotIds.Remap(
            SnapshotDocument.Read(snapshot.Document.GetRawText()),
            strategyId,
            meetingId,
            SnapshotIds.FromPositions(milestones),
            SnapshotIds.FromPositions(focusAreas),
            SnapshotIds.FromPositions(budgets),
            SnapshotIds.FromPositions([]),
            SnapshotIds.FromPositions([]));
        return new StrategySnapshot
        {
            StrategyId = strategyId,
            CommitteeMeetingId = meetingId,
            MeetingDate = snapshot.MeetingDate!.Value,
            TakenAtUtc = snapshot.TakenAtUtc,
            SchemaVersion = document.SchemaVersion,
            Document = document.Write(),
        };
    }
}
