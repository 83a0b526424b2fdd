using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Plans;

public sealed class StrategyInput
{
    public const int BlankKeyDateRows = 2;

    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Name")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Municipality")]
    public string Municipality { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Division")]
    public string Division { get; set; } = string.Empty;

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Purpose")]
    public string? Purpose { get; set; }

    [Display(Name = "Field.Status")]
    public StrategyStatus Status { get; set; } = StrategyStatus.Active;

    [Display(Name = "Field.CommitteeId")]
    public int? CommitteeId { get; set; }

    public List<KeyDateInput> KeyDates { get; set; } = [];
}

/// <summary>A row of the key-date table; a row without a label is ignored, so blank rows can be offered.</summary>
public sealed class KeyDateInput
{
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Label")]
    public string? Label { get; set; }

    public TimingInput Timing { get; set; } = new();

    public bool IsBlank => string.IsNullOrWhiteSpace(Label);
}
