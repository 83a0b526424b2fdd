namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>The model of the shared milestone table partial.</summary>
public sealed record MilestoneTable(IReadOnlyList<MilestoneRow> Rows, DateOnly Today, string Caption, bool ShowFocusAreas = true, bool QuickUpdate = false);

/// <summary>The model of one row of a milestone table, shared by the list and the dashboard.</summary>
public sealed record MilestoneRowView(MilestoneRow Row, DateOnly Today, bool ShowFocusAreas, bool QuickUpdate = false);
