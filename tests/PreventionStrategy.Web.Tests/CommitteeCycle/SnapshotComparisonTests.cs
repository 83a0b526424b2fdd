using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Tests.CommitteeCycle;

/// <summary>The comparison of two snapshot documents, as a pure function: exactly the planted changes, nothing else.</summary>
public sealed class SnapshotComparisonTests
{
    private static SnapshotTiming Quarter(int year, int quarter) => SnapshotTiming.From(PlannedTiming.InQuarter(year, quarter));

    private static SnapshotMilestone Milestone(int id, MilestoneStatus status = MilestoneStatus.InProgress, SnapshotTiming? timing = null, DateOnly? forecast = null, bool archived = false, int progress = 10, string? comment = null) =>
        new(id, $"Milepæl {id}", [1], $"Ejer {id}", timing ?? Quarter(2027, 1), status, progress, forecast, comment, archived);

    private static SnapshotDocument Document(IReadOnlyList<SnapshotMilestone> milestones, IReadOnlyList<SnapshotBudgetInitiative> budget) => new()
    {
        StrategyName = "Strategi",
        FocusAreas = [new SnapshotFocusArea(1, 1, "Fokus")],
        Milestones = milestones,
        BudgetInitiatives = budget,
    };

    [Fact]
    public void The_comparison_lists_exactly_the_planted_changes_each_with_the_owners_comment()
    {
        var before = Document(
            [
                Milestone(1),
                Milestone(2),
                Milestone(3),
                Milestone(4),
                Milestone(5, forecast: new DateOnly(2027, 3, 1)),
                Milestone(6),
                Milestone(7),
                Milestone(8, MilestoneStatus.AtRisk),
                Milestone(9, archived: true),
                Milestone(10),
            ],
            [new SnapshotBudgetInitiative(1, "Task force", BudgetDecisionState.Proposed, null), new SnapshotBudgetInitiative(2, "Vejledningscenter", BudgetDecisionState.Approved, null)]);
        var after = Document(
            [
                Milestone(1, MilestoneStatus.Done, progress: 100, comment: "Holdt som planlagt."),
                Milestone(2, MilestoneStatus.AtRisk, comment: "Mangler lokaler."),
                Milestone(3, MilestoneStatus.Delayed, comment: "Leverandør forsinket."),
                Milestone(4, timing: Quarter(2027, 3), comment: "Flyttet efter aftale."),
                Milestone(5, forecast: new DateOnly(2027, 5, 1)),
                Milestone(6, MilestoneStatus.Cancelled, comment: "Dropper temadagen."),
                Milestone(7, archived: true),
                Milestone(8, MilestoneStatus.AtRisk, progress: 50),
                Milestone(9, archived: true),
                Milestone(10, progress: 90, comment: "Kun fremdrift."),
                Milestone(11, MilestoneStatus.Planned, Quarter(2027, 4)),
            ],
            [new SnapshotBudgetInitiative(1, "Task force", BudgetDecisionState.Approved, "Vedtaget i budget 2027"), new SnapshotBudgetInitiative(2, "Vejledningscenter", BudgetDecisionState.Approved, null)]);

        var changes = SnapshotComparison.Compare(before, after);

        Assert.Equal(
            [
                (SnapshotChangeKind.Completed, "Milepæl 1"),
                (SnapshotChangeKind.NewlyAtRisk, "Milepæl 2"),
                (SnapshotChangeKind.NewlyDelayed, "Milepæl 3"),
                (SnapshotChangeKind.Moved, "Milepæl 4"),
                (SnapshotChangeKind.Moved, "Milepæl 5"),
                (SnapshotChangeKind.Added, "Milepæl 11"),
                (SnapshotChangeKind.Cancelled, "Milepæl 6"),
                (SnapshotChangeKind.Archived, "Milepæl 7"),
                (SnapshotChangeKind.BudgetDecisionChanged, "Task force"),
            ],
            changes.Select(c => (c.Kind, c.Title)));

        Assert.Equal("Holdt som planlagt.", changes[0].Comment);
        Assert.Equal("Ejer 2", changes[1].OwnerName);
        Assert.Equal((Quarter(2027, 1), Quarter(2027, 3)), (changes[3].OldTiming, changes[3].NewTiming));
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 5, 1)), (changes[4].OldForecast, changes[4].NewForecast));
        Assert.Equal((MilestoneStatus.InProgress, MilestoneStatus.Cancelled), (changes[6].OldStatus, changes[6].NewStatus));
        Assert.Equal((BudgetDecisionState.Proposed, BudgetDecisionState.Approved, "Vedtaget i budget 2027"), (changes[8].OldDecision, changes[8].NewDecision, changes[8].Comment));
    }

    [Fact]
    public void A_snapshot_compared_with_itself_has_no_changes_and_survives_being_written_and_read()
    {
        var document = Document([Milestone(1, forecast: new DateOnly(2027, 2, 2), comment: "Æøå")], [new SnapshotBudgetInitiative(1, "Task force", BudgetDecisionState.Postponed, "Udsat")]);

        var read = SnapshotDocument.Read(document.Write());

        Assert.Empty(SnapshotComparison.Compare(document, read));
        Assert.Equal(document.Milestones[0], read.Milestones[0] with { FocusAreaIds = document.Milestones[0].FocusAreaIds });
        Assert.Equal([1], read.Milestones[0].FocusAreaIds);
        Assert.Equal(document.BudgetInitiatives, read.BudgetInitiatives);
    }

    [Fact]
    public void A_document_of_a_newer_schema_version_is_refused_rather_than_misread()
    {
        Assert.Throws<NotSupportedException>(() => SnapshotDocument.Read("{\"schemaVersion\": 2, \"strategyName\": \"X\"}"));
    }
}
