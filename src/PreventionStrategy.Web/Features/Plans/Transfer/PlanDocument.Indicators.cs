using PreventionStrategy.Web.Features.Indicators;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

// The indicators' part of the plan format (FORMAT.md, "indicators").

/// <summary>An outcome indicator with its breakdown, baseline, targets and figures.</summary>
public sealed record PlanIndicator
{
    public required string Key { get; init; }

    public int Order { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required IndicatorKind? Kind { get; init; }

    public required IndicatorUnit? Unit { get; init; }

    /// <summary>month, quarter, halfYear or year.</summary>
    public required TimingPrecision? Frequency { get; init; }

    public DesiredDirection Direction { get; init; } = DesiredDirection.Down;

    public string? Source { get; init; }

    /// <summary>Email of the user who must report it; matched to an existing user on import.</summary>
    public string? OwnerEmail { get; init; }

    /// <summary>Invented figures for a demo: shown as "Eksempeldata" wherever the indicator appears.</summary>
    public bool IsExampleData { get; init; }

    public PlanBaseline? Baseline { get; init; }

    public IReadOnlyList<string> FocusAreaKeys { get; init; } = [];

    /// <summary>The breakdown's categories in order; the measurements' values follow this order.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<PlanTarget> Targets { get; init; } = [];

    public IReadOnlyList<PlanMeasurement> Measurements { get; init; } = [];
}

public sealed record PlanBaseline
{
    public required decimal? Value { get; init; }

    /// <summary>A period in Statistikbanken's notation, of the indicator's frequency: "2016", "2020K1", "2020H2", "2020M03".</summary>
    public required string Period { get; init; }
}

/// <summary>A year's target: a value, or a band from low to high.</summary>
public sealed record PlanTarget
{
    public int Year { get; init; }

    public decimal? Value { get; init; }

    public decimal? Low { get; init; }

    public decimal? High { get; init; }

    public string? Reasoning { get; init; }
}

public sealed record PlanMeasurement
{
    /// <summary>"2016", "2020K1", "2020H2", "2020M03", of the indicator's frequency.</summary>
    public required string Period { get; init; }

    /// <summary>The value of an indicator without categories; left out when it has categories (the total is their sum).</summary>
    public decimal? Total { get; init; }

    /// <summary>One value per category, in the order of <see cref="PlanIndicator.Categories"/>.</summary>
    public IReadOnlyList<decimal> Values { get; init; } = [];

    public bool IsFinal { get; init; }

    public string? Comment { get; init; }

    public string? EnteredBy { get; init; }

    public DateTime? EnteredAt { get; init; }

    public string? UpdatedBy { get; init; }

    public DateTime? UpdatedAt { get; init; }
}
