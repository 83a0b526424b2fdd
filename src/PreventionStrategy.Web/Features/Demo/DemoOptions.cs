using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Demo;

public sealed class DemoOptions : IValidatableObject
{
    public const string Section = "Demo";

    /// <summary>Seeds the Norddjurs plan and one user per role with a published password. Never on in production.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Runs the demo site as if today were this day (the clock keeps moving from there), so a plan from 2024-2025
    /// shows as in flight: what is coming up, what is late, which reminders are due. Only with <see cref="Enabled"/>.
    /// </summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>
    /// Adds invented data, marked "Eksempeldata" wherever it shows, so the demo has something current to show:
    /// status updates, committee meetings with an issued briefing, persons in the units invited to the theme day.
    /// Only with <see cref="Enabled"/>, and only when the plan is first loaded.
    /// </summary>
    public bool ExampleData { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled && (AsOf is not null || ExampleData))
        {
            yield return new ValidationResult("Demo:AsOf and Demo:ExampleData are for the demo only: they need Demo:Enabled=true.", [nameof(AsOf), nameof(ExampleData)]);
        }

        if (AsOf is { Year: < 2000 or > 2100 })
        {
            yield return new ValidationResult("Demo:AsOf must be a date between 2000 and 2100, e.g. 2024-11-25.", [nameof(AsOf)]);
        }
    }
}
