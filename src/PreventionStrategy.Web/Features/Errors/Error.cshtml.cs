using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PreventionStrategy.Web.Features.Errors;

/// <summary>One page for every error status, re-executed by the status-code and exception middleware; never shows a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.500.Title";

    public string TextKey { get; private set; } = "Error.500.Text";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? 500;
        var known = status is 400 or 403 or 404 or 429 ? status : 500;
        TitleKey = $"Error.{known}.Title";
        TextKey = $"Error.{known}.Text";
        if (code is null)
        {
            Response.StatusCode = 500;
        }
    }
}
