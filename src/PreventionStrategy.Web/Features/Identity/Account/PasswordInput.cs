using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Identity.Account;

public class PasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
