using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Budget;

public sealed class BudgetInitiativeInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Title")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.BudgetSketch")]
    public string BudgetSketch { get; set; } = string.Empty;

    [Range(1, 999, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.SortOrder")]
    public int SortOrder { get; set; } = 1;

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    [Display(Name = "Field.DecisionState")]
    public BudgetDecisionState DecisionState { get; set; } = BudgetDecisionState.Proposed;

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DecisionNote")]
    public string? DecisionNote { get; set; }

    /// <summary>One row per year; blank rows are ignored.</summary>
    [Display(Name = "Field.Amounts")]
    public List<BudgetAmountInput> Amounts { get; set; } = [];

    [Display(Name = "Field.FocusAreas")]
    public List<int> FocusAreaIds { get; set; } = [];

    [Display(Name = "Field.Milestones")]
    public List<int> MilestoneIds { get; set; } = [];
}

/// <summary>A year and an amount as typed: the amount is text so "1.500.000" and "1 500 000 kr." are understood.</summary>
public sealed class BudgetAmountInput
{
    [Range(2000, 2100, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Year")]
    public int? Year { get; set; }

    [StringLength(30, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.AmountDkk")]
    public string? Amount { get; set; }

    public bool IsBlank => Year is null && string.IsNullOrWhiteSpace(Amount);
}
