using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>The form that makes a share link.</summary>
public sealed class ShareInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ShareLabel")]
    public string? Label { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.ShareExpiresOn")]
    public DateOnly? ExpiresOn { get; set; }

    [Display(Name = "Field.ShareShowNames")]
    public bool ShowNames { get; set; }
}
