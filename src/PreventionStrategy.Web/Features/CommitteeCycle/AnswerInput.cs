using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

public sealed class AnswerInput
{
    public int Version { get; set; }

    [Display(Name = "Field.DecisionAnswer")]
    public DecisionAnswer? Answer { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.AnswerNote")]
    public string? Note { get; set; }
}
