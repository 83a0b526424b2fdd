using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.Accessibility;

/// <summary>
/// The accessibility statement (tilgængelighedserklæring) the Danish web accessibility law requires, laid out as
/// Digitaliseringsstyrelsen's template: scope, compliance, what is not accessible, how it was assessed, feedback
/// and the complaint body. Public, so it can be read before signing in.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IOptions<SiteOptions> site) : PageModel
{
    /// <summary>When the statement was prepared; change it whenever the statement is reviewed.</summary>
    public static readonly DateOnly Prepared = new(2026, 12, 6);

    public const string ComplaintUrl = "https://www.was.digst.dk";

    public SiteOptions Site => site.Value;

    public void OnGet()
    {
    }
}
