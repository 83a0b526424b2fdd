using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// The indicator's value for one period. With categories, <see cref="Values"/> holds one value per
/// category and <see cref="Total"/> is their sum (derived on save, stored so lists and charts need
/// no aggregation); without categories <see cref="Total"/> is the value entered.
/// </summary>
public sealed class IndicatorMeasurement : Entity
{
    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public required PlannedTiming Period { get; set; }

    /// <summary>The period as Statistikbanken writes it ("2020", "2020K1", "2020H1", "2020M01"): one measurement per period.</summary>
    public required string PeriodKey { get; set; }

    public decimal Total { get; set; }

    /// <summary>Preliminary figures are drawn hollow and said to be preliminary; a final one is the published figure.</summary>
    public bool IsFinal { get; set; }

    public string? Comment { get; set; }

    public required string EnteredByName { get; set; }

    public DateTime EnteredAtUtc { get; set; }

    public string? UpdatedByName { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public List<IndicatorValue> Values { get; set; } = [];
}

public sealed class IndicatorValue
{
    public int Id { get; set; }

    public int MeasurementId { get; set; }

    public int CategoryId { get; set; }

    public IndicatorCategory? Category { get; set; }

    public decimal Value { get; set; }
}

/// <summary>
/// A correction of a stored measurement: the old and new figures and who changed them. The audit trail
/// records the same change field by field; this is the indicator page's readable history of its numbers.
/// </summary>
public sealed class MeasurementRevision
{
    public long Id { get; set; }

    public int IndicatorId { get; set; }

    public required PlannedTiming Period { get; set; }

    public MeasurementChange Change { get; set; }

    public decimal? OldTotal { get; set; }

    public decimal? NewTotal { get; set; }

    public bool? OldIsFinal { get; set; }

    public bool? NewIsFinal { get; set; }

    /// <summary>Changed category values as readable text ("Netværkspleje: 20 → 22"), null without categories.</summary>
    public string? Details { get; set; }

    public string? Comment { get; set; }

    public required string ChangedByName { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}

public enum MeasurementChange
{
    Entered,
    Corrected,
    Removed,
}
