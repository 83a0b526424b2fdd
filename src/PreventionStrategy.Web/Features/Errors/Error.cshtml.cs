using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Errors;

/// <summary>One page for every error status, re-executed by the status-code and exception middleware; never shows a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.500.Title";

    public string TextKey { get; private set; } = "Error.500.Text";

    public object[] TextArguments { get; private set; } = [];

    // No bound parameters: binding a re-executed post reads its form, and a form too large or with
    // too many fields (the reason for the 400) would then fail again and turn the page into a 500.
    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        int? status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        if (status is null && HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The exception handler has set the status: 500, or the client error a bad request body carries.
            status = Response.StatusCode;
        }
        else if (status is null)
        {
            // Asked for directly: /Error?code=404 shows that page; anything else is no page at all.
            if (int.TryParse(Request.Query["code"], out var asked))
            {
                status = asked;
            }
            else
            {
                status = Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }

        var known = status is 400 or 403 or 404 or 413 or 429 or 503 ? status.Value : 500;
        TitleKey = $"Error.{known}.Title";
        TextKey = $"Error.{known}.Text";
        if (known == 503 && HttpContext.Items.ContainsKey(DatabaseBusy.StorageFaultItem))
        {
            TextKey = "Error.503.StorageText";
        }

        if (known == 413 && HttpContext.Items[RequestTooLarge.LimitItem] is long limit)
        {
            TextKey = "Error.413.TextWithLimit";
            TextArguments = [RequestTooLarge.Megabytes(limit)];
        }
    }
}
