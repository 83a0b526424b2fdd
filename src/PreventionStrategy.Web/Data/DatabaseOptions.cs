using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (the embedded default, one server) or "PostgreSql" (a database server, several site servers); each has its own migrations.</summary>
    [Required]
    [RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "Database:Provider must be 'Sqlite' or 'PostgreSql'.")]
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Migrate the schema on start. Keep on for the embedded default; a multi-server deployment migrates once, from one place.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public const int DefaultBusyTimeoutSeconds = 30;

    /// <summary>
    /// How long a command waits for another writer's lock (SQLite's busy timeout) before the
    /// request is answered 503 "prøv igen om lidt". Imports keep their lock to seconds.
    /// </summary>
    [Range(1, 300, ErrorMessage = "Database:BusyTimeoutSeconds must be between 1 and 300.")]
    public int BusyTimeoutSeconds { get; set; } = DefaultBusyTimeoutSeconds;

    /// <summary>
    /// How often the database's files are looked at from outside (a truncated WAL index, files turned read-only, a nearly
    /// full disk), logged at Critical when something is wrong. Short, because a truncated index ends the process at the next access.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Database:FileCheckSeconds must be between 1 and 3600.")]
    public int FileCheckSeconds { get; set; } = 5;

    /// <summary>Free space beside the database below which readiness fails and a Critical line is logged, before saves start failing.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Database:MinimumFreeMegabytes must be between 0 and 1000000.")]
    public int MinimumFreeMegabytes { get; set; } = 64;
}
