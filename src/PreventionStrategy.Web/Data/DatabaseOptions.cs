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

    public const int DefaultBusyTimeoutSeconds = 30;

    /// <summary>
    /// How long a command waits for another writer's lock (SQLite's busy timeout) before the
    /// request is answered 503 "prøv igen om lidt". Imports keep their lock to seconds.
    /// </summary>
    [Range(1, 300, ErrorMessage = "Database:BusyTimeoutSeconds must be between 1 and 300.")]
    public int BusyTimeoutSeconds { get; set; } = DefaultBusyTimeoutSeconds;
}
