using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web;

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The address people reach the site at; links in emails are built from it.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
