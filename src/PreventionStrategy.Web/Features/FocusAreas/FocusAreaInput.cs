using System.ComponentModel.DataAnnotations;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.FocusAreas;

/// <summary>The administrators' focus area form. No check needs the database, so the input maps itself.</summary>
public sealed class FocusAreaInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Title")]
    public string Title { get; set; } = string.Empty;

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Aims")]
    public string? Aims { get; set; }

    [Range(1, 999, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.SortOrder")]
    public int SortOrder { get; set; } = 1;

    public static FocusAreaInput From(FocusArea focusArea) => new()
    {
        Version = focusArea.Version,
        Title = focusArea.Title,
        Description = focusArea.Description,
        Aims = focusArea.Aims,
        SortOrder = focusArea.SortOrder,
    };

    public void ApplyTo(AppDbContext db, FocusArea focusArea)
    {
        // The version the user saw: if someone saved since, SaveChanges refuses instead of overwriting.
        db.Entry(focusArea).Property(f => f.Version).OriginalValue = Version;
        focusArea.Title = Title.Trim();
        focusArea.Description = Description?.Trim();
        focusArea.Aims = Aims?.Trim();
        focusArea.SortOrder = SortOrder;
    }
}
