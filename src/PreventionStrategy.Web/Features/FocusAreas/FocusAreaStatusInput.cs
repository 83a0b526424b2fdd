using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.FocusAreas;

/// <summary>The administrators' override of a focus area's status: the rule's status, or one of the three with a justification.</summary>
public sealed class FocusAreaStatusInput
{
    public const int MinJustificationLength = 10;

    public int Version { get; set; }

    /// <summary>Null: the rule decides (the override is removed).</summary>
    [Display(Name = "Field.StatusOverride")]
    public FocusAreaStatus? Override { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Justification")]
    public string? Justification { get; set; }

    public static FocusAreaStatusInput From(FocusArea area) => new()
    {
        Version = area.Version,
        Override = area.StatusOverride,
        Justification = area.StatusOverrideJustification,
    };

    /// <summary>An override must say why, in a sentence the committee can read beside it.</summary>
    public IEnumerable<(string Field, string Message)> Validate(IStringLocalizer localizer)
    {
        if (Override is { } chosen && !Enum.IsDefined(chosen))
        {
            yield return (nameof(Override), localizer["FocusAreas.StatusUnknown"]);
        }
        else if (Override is not null && (Justification?.Trim().Length ?? 0) < MinJustificationLength)
        {
            yield return (nameof(Justification), localizer["FocusAreas.JustificationRequired", MinJustificationLength]);
        }
    }

    /// <summary>Only call after <see cref="Validate"/> found nothing. Who and when are kept with the override (and in the audit trail).</summary>
    public void ApplyTo(AppDbContext db, FocusArea area, string byName, DateTime nowUtc)
    {
        // The version the user saw: if someone saved since, SaveChanges refuses instead of overwriting.
        db.Entry(area).Property(f => f.Version).OriginalValue = Version;
        area.StatusOverride = Override;
        area.StatusOverrideJustification = Override is null ? null : Justification!.Trim();
        area.StatusOverrideByName = Override is null ? null : byName;
        area.StatusOverrideAtUtc = Override is null ? null : nowUtc;
    }
}
