using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Committees;

public sealed class CommitteeInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Name")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Municipality")]
    public string Municipality { get; set; } = string.Empty;

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    /// <summary>Person stakeholders who sit on the committee.</summary>
    [Display(Name = "Field.Members")]
    public List<int> MemberIds { get; set; } = [];
}
