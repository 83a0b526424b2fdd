using System.ComponentModel.DataAnnotations;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

public sealed class IndicatorInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.IndicatorName")]
    public string Name { get; set; } = string.Empty;

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    [Range(1, 999, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.SortOrder")]
    public int SortOrder { get; set; } = 1;

    [Display(Name = "Field.IndicatorKind")]
    public IndicatorKind Kind { get; set; } = IndicatorKind.Target;

    [Display(Name = "Field.IndicatorUnit")]
    public IndicatorUnit Unit { get; set; } = IndicatorUnit.Count;

    [Display(Name = "Field.Frequency")]
    public TimingPrecision Frequency { get; set; } = TimingPrecision.Year;

    [Display(Name = "Field.Direction")]
    public DesiredDirection Direction { get; set; } = DesiredDirection.Down;

    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.IndicatorSource")]
    public string? Source { get; set; }

    [StringLength(450, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.IndicatorOwner")]
    public string? OwnerId { get; set; }

    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.BaselineValue")]
    public string? BaselineValue { get; set; }

    [Range(PlannedTiming.MinYear, PlannedTiming.MaxYear, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.BaselineYear")]
    public int? BaselineYear { get; set; }

    [Range(1, 12, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.BaselinePeriod")]
    public int? BaselinePeriod { get; set; }

    [Display(Name = "Field.IsExampleData")]
    public bool IsExampleData { get; set; }

    [Display(Name = "Field.FocusAreas")]
    public List<int> FocusAreaIds { get; set; } = [];

    /// <summary>One row per category; blank rows are ignored, existing rows keep their id so their values stay.</summary>
    [Display(Name = "Field.Categories")]
    public List<CategoryInput> Categories { get; set; } = [];

    [Display(Name = "Field.Targets")]
    public List<TargetInput> Targets { get; set; } = [];
}

public sealed class CategoryInput
{
    public int? Id { get; set; }

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CategoryName")]
    public string? Name { get; set; }
}

/// <summary>A year's target as typed: a value, or a band (low and high); numbers are text so "1.234,5" is understood.</summary>
public sealed class TargetInput
{
    [Range(PlannedTiming.MinYear, PlannedTiming.MaxYear, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Year")]
    public int? Year { get; set; }

    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.TargetValue")]
    public string? Value { get; set; }

    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.TargetLow")]
    public string? Low { get; set; }

    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.TargetHigh")]
    public string? High { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Reasoning")]
    public string? Reasoning { get; set; }

    public bool IsBlank => Year is null && string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Low) && string.IsNullOrWhiteSpace(High) && string.IsNullOrWhiteSpace(Reasoning);
}
