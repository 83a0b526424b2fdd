namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>The model of the shared milestone table partial.</summary>
public sealed record MilestoneTable(IReadOnlyList<MilestoneRow> Rows, DateOnly Today, string Caption, bool ShowFocusAreas = true, bool QuickUpdate = false)
{
    /// <summary>Starts the ids of this table's quick forms, so two tables on one page listing the same milestone never share an id.</summary>
    public string IdPrefix { get; init; } = "quick";

    /// <summary>The owner's latest comment per milestone, shown in a column of its own when given.</summary>
    public IReadOnlyDictionary<int, string?>? Comments { get; init; }
}

/// <summary>The model of the rows of a milestone table, shared by the list and the dashboard.</summary>
public sealed record MilestoneRowsView(IReadOnlyList<MilestoneRow> Rows, DateOnly Today, bool ShowFocusAreas, bool QuickUpdate = false)
{
    public string IdPrefix { get; init; } = "quick";

    /// <summary>The owner's latest comment per milestone, in a column of its own when given.</summary>
    public IReadOnlyDictionary<int, string?>? Comments { get; init; }
}

/// <summary>The model of the quick status form: its ids are <c>{IdPrefix}-{id}-status</c>, unique per page when each table has its own prefix.</summary>
public sealed record QuickUpdateForm(MilestoneRow Row, string IdPrefix = "quick");
