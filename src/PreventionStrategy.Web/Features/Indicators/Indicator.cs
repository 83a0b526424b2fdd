using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// A measure of whether the strategy works (placements in network care, spending on prevention),
/// as opposed to whether its plan is on time. Values are aggregate counts and amounts only:
/// nothing here may identify a child or a family.
/// </summary>
public sealed class Indicator : Entity
{
    public int StrategyId { get; set; }

    public Strategy? Strategy { get; set; }

    public int SortOrder { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public IndicatorUnit Unit { get; set; }

    /// <summary>How often it is measured: month, quarter, half-year or year (a day is not a period).</summary>
    public TimingPrecision Frequency { get; set; } = TimingPrecision.Year;

    public DesiredDirection Direction { get; set; }

    /// <summary>
    /// A target indicator is judged against its targets; a watch indicator balances it (placements that
    /// break down) and is never coloured as good or bad merely for moving.
    /// </summary>
    public IndicatorKind Kind { get; set; }

    /// <summary>Where the numbers come from, e.g. "Danmarks Statistik, status pr. 31.12".</summary>
    public string? Source { get; set; }

    /// <summary>The user who must report it (and may enter its values).</summary>
    public string? OwnerId { get; set; }

    public ApplicationUser? Owner { get; set; }

    public decimal? BaselineValue { get; set; }

    public PlannedTiming? BaselinePeriod { get; set; }

    /// <summary>Demo series added to make the demo lively: shown as "Eksempeldata" wherever the indicator appears.</summary>
    public bool IsExampleData { get; set; }

    public List<FocusArea> FocusAreas { get; set; } = [];

    public List<IndicatorCategory> Categories { get; set; } = [];

    public List<IndicatorTarget> Targets { get; set; } = [];

    public List<IndicatorMeasurement> Measurements { get; set; } = [];

    public bool HasCategories => Categories.Count > 0;
}

public enum IndicatorUnit
{
    Count,
    Dkk,
    Percent,
    Ratio,
    PerThousandChildren,
}

public enum DesiredDirection
{
    Down,
    Up,
    WithinBand,
}

public enum IndicatorKind
{
    Target,
    Watch,
}

/// <summary>One part of a breakdown that adds up to the indicator's total (placements by type, the steps of an intervention ladder).</summary>
public sealed class IndicatorCategory
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public int SortOrder { get; set; }

    public required string Name { get; set; }
}

/// <summary>What the indicator should be by the end of a year: a number, or a band from <see cref="Low"/> to <see cref="High"/>.</summary>
public sealed class IndicatorTarget
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public int Year { get; set; }

    public decimal? Value { get; set; }

    public decimal? Low { get; set; }

    public decimal? High { get; set; }

    public string? Reasoning { get; set; }

    public bool IsBand => Low is not null && High is not null;
}
