using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>How the columns of an uploaded CSV map to the indicator: chosen on the preview page.</summary>
public sealed class ImportMappingInput
{
    [Display(Name = "Indicators.Import.TimeColumn")]
    public int? TimeColumn { get; set; }

    [Display(Name = "Indicators.Import.ValueColumn")]
    public int? ValueColumn { get; set; }

    /// <summary>The breakdown column for an indicator with categories; -1 or empty for none.</summary>
    [Display(Name = "Indicators.Import.CategoryColumn")]
    public int? CategoryColumn { get; set; }

    /// <summary>Per column: the one value of that column to keep (other columns of a Statistikbanken table, e.g. the municipality).</summary>
    public List<string?> Filters { get; set; } = [];

    /// <summary>Per distinct text of the category column, in order of first appearance: a category id, or empty to skip those rows.</summary>
    public List<int?> CategoryMap { get; set; } = [];

    [Display(Name = "Indicators.Import.IsFinal")]
    public bool IsFinal { get; set; } = true;

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Comment")]
    public string? Comment { get; set; }
}
