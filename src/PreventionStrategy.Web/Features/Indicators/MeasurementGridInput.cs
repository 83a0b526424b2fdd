using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>The bulk entry form: a row per period, a column per category (or one value), each row's state and comment.</summary>
public sealed class MeasurementGridInput
{
    /// <summary>The categories the form was drawn with, so a form from before a category change is refused rather than misread.</summary>
    public List<int> CategoryIds { get; set; } = [];

    public List<MeasurementRowInput> Rows { get; set; } = [];
}

public sealed class MeasurementRowInput
{
    [StringLength(10, ErrorMessage = "Validation.MaxLength")]
    public string? PeriodKey { get; set; }

    /// <summary>The version of the stored measurement the person saw; empty when there was none.</summary>
    public int? Version { get; set; }

    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Value")]
    public string? Total { get; set; }

    /// <summary>One value per category, in the order of <see cref="MeasurementGridInput.CategoryIds"/>.</summary>
    public List<string?> Values { get; set; } = [];

    [Display(Name = "Indicators.State")]
    public bool IsFinal { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Comment")]
    public string? Comment { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Total) && Values.All(string.IsNullOrWhiteSpace);
}
