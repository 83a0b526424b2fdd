using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Digest;

/// <summary>When the weekly digest goes out, in Danish time.</summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string Section = "Digest";

    /// <summary>Send digests at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The day of the week the digest goes out (Danish time).</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>The hour (0–23, Danish time) from which it goes out on that day.</summary>
    [Range(0, 23)]
    public int Hour { get; set; } = 7;

    /// <summary>How far ahead the digest lists the events a person takes part in.</summary>
    [Range(1, 8)]
    public int EventWeeks { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Day))
        {
            yield return new ValidationResult("Digest:Day must be a day of the week (Monday … Sunday).", [nameof(Day)]);
        }
    }
}
