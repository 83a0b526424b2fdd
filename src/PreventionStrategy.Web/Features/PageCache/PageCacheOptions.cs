using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.PageCache;

public sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    /// <summary>Off serves every page freshly drawn (to measure the drawing, or to rule the cache out).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory the cached pages may take in all; the least used go first.</summary>
    [Range(1, 4096, ErrorMessage = "PageCache:SizeLimitMegabytes must be between 1 and 4096.")]
    public int SizeLimitMegabytes { get; set; } = 100;

    /// <summary>How long an unchanged page is kept; a change to the data retires it at once whatever this says.</summary>
    [Range(1, 1440, ErrorMessage = "PageCache:MinutesKept must be between 1 and 1440.")]
    public int MinutesKept { get; set; } = 10;

    /// <summary>
    /// Keep what pages read about a strategy (dashboard, timeline) once for everybody until the data changes
    /// (<see cref="ReadModels"/>). Off: every page drawn afresh reads the database itself.
    /// </summary>
    public bool ReadModels { get; set; } = true;

    /// <summary>How many read models are kept at most (one per strategy and page, and per filter on the timeline); the least used go first.</summary>
    [Range(1, 100000, ErrorMessage = "PageCache:ReadModelsKept must be between 1 and 100000.")]
    public int ReadModelsKept { get; set; } = 200;
}
