using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Backups;

public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>Where the scheduled backups go; empty turns the schedule off (the command still works).</summary>
    public string? Folder { get; set; }

    /// <summary>How many backups the schedule keeps; the oldest beyond that are deleted after each new one.</summary>
    [Range(1, 365)]
    public int Keep { get; set; } = 14;

    /// <summary>Danish local hour of the daily backup.</summary>
    [Range(0, 23)]
    public int Hour { get; set; } = 2;
}
