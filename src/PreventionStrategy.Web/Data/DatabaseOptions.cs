using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Only "Sqlite" today; PostgreSQL arrives with scale-out and gets migrations of its own beside these.</summary>
    [Required]
    [RegularExpression("^Sqlite$", ErrorMessage = "Database:Provider must be 'Sqlite'.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Migrate the schema on start. Keep on for the embedded default; a multi-server deployment migrates once, from one place.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
