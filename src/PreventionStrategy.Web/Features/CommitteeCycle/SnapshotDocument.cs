using System.Text.Json;
using System.Text.Json.Serialization;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>
/// What a snapshot holds, schema version 1. These records are the stored format, not the entities: a new field
/// gets a default so older documents still read, and a change that cannot be read that way raises
/// <see cref="CurrentSchemaVersion"/> and teaches <see cref="Read"/> the old one. Enums are stored by name.
/// </summary>
public sealed record SnapshotDocument
{
    public const int CurrentSchemaVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public int StrategyId { get; init; }

    public required string StrategyName { get; init; }

    public int? MeetingId { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public DateTime TakenAtUtc { get; init; }

    public IReadOnlyList<SnapshotFocusArea> FocusAreas { get; init; } = [];

    public IReadOnlyList<SnapshotMilestone> Milestones { get; init; } = [];

    public IReadOnlyList<SnapshotBudgetInitiative> BudgetInitiatives { get; init; } = [];

    public IReadOnlyList<SnapshotIndicatorValue> IndicatorValues { get; init; } = [];

    public IReadOnlyList<SnapshotDecision> Decisions { get; init; } = [];

    public string Write() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads any schema version this site knows; a newer one (from a newer site) is refused rather than misread.</summary>
    public static SnapshotDocument Read(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        var version = parsed.RootElement.TryGetProperty("schemaVersion", out var v) ? v.GetInt32() : 0;
        if (version is < 1 or > CurrentSchemaVersion)
        {
            throw new NotSupportedException($"Snapshot schema version {version} is not one this site can read (1–{CurrentSchemaVersion}).");
        }

        return parsed.RootElement.Deserialize<SnapshotDocument>(Json) ?? throw new JsonException("Empty snapshot document.");
    }
}

public sealed record SnapshotFocusArea(int Id, int Number, string Title);

/// <param name="Timing">The planned timing at the plan's precision.</param>
/// <param name="LatestComment">The owner's latest comment or explanation at the time.</param>
public sealed record SnapshotMilestone(
    int Id,
    string Title,
    IReadOnlyList<int> FocusAreaIds,
    string? OwnerName,
    SnapshotTiming Timing,
    MilestoneStatus Status,
    int ProgressPercent,
    DateOnly? ForecastDate,
    string? LatestComment,
    bool IsArchived);

public sealed record SnapshotTiming(TimingPrecision Precision, int Year, int? Period, DateOnly? Date, DateOnly Start, DateOnly End)
{
    public static SnapshotTiming From(PlannedTiming timing) => new(timing.Precision, timing.Year, timing.Period, timing.Date, timing.Start, timing.End);

    public PlannedTiming ToTiming() => PlannedTiming.Create(Precision, Year, Period, Date);
}

public sealed record SnapshotBudgetInitiative(int Id, string Title, BudgetDecisionState DecisionState, string? DecisionNote);

/// <param name="PeriodKey">The indicator's period, e.g. "2024-Q4".</param>
public sealed record SnapshotIndicatorValue(int IndicatorId, string IndicatorName, string PeriodKey, decimal Total, bool IsFinal);

public sealed record SnapshotDecision(int Id, int MilestoneId, string Question, DateOnly? MeetingDate, DecisionAnswer? Answer, string? AnswerNote);
