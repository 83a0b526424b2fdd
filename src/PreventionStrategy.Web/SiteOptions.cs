using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web;

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The address people reach the site at; links in emails are built from it.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The public body that runs the site, named in the accessibility statement.</summary>
    [Required]
    public string Organisation { get; set; } = "Norddjurs Kommune";

    /// <summary>Where people report accessibility problems; the accessibility statement gives it. A placeholder until the municipality names its own.</summary>
    [Required]
    [EmailAddress]
    public string AccessibilityContactEmail { get; set; } = "webtilgaengelighed@norddjurs.dk";
}
