using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Identity.Users;

public sealed class UserInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.FullName")]
    public string FullName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Role")]
    public string Role { get; set; } = Roles.Staff;

    [Display(Name = "Field.UnitId")]
    public int? UnitId { get; set; }

    [Display(Name = "Field.IsDisabled")]
    public bool IsDisabled { get; set; }
}
