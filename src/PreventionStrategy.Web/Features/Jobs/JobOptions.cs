using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether this process runs background jobs. Off for a web-only node in a scale-out (and in
    /// the tests, which run the jobs themselves); the dashboard works either way.
    /// </summary>
    public bool ServerEnabled { get; set; } = true;

    [Range(1, 20)]
    public int WorkerCount { get; set; } = 2;
}
