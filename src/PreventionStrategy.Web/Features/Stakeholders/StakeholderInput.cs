using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Stakeholders;

public sealed class StakeholderInput
{
    public int Version { get; set; }

    [Display(Name = "Field.Kind")]
    public StakeholderKind Kind { get; set; } = StakeholderKind.Person;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Name")]
    public string Name { get; set; } = string.Empty;

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Title")]
    public string? Title { get; set; }

    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Display(Name = "Field.IsExternal")]
    public bool IsExternal { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    [Display(Name = "Field.UnitId")]
    public int? UnitId { get; set; }
}
