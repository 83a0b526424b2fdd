namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>The model of the decision table partial; <paramref name="Answerable"/> adds the administrators' link to record the answer.</summary>
public sealed record DecisionTable(string Caption, IReadOnlyList<DecisionRow> Rows, bool Answerable);
