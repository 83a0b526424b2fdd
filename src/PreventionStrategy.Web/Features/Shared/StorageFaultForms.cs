using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// A form posted when the database cannot be written (disk full, read-only file, I/O error) is shown again
/// with what was typed and a Danish error summary, instead of an error page that loses the input. Once, for every
/// form page that says how to show itself again (<see cref="IShownAgainAfterStorageFault"/>): the posted values are
/// still in ModelState, which the form's tag helpers show before the model's. Other pages keep
/// <see cref="DatabaseBusy"/>'s Danish 503 page: a page drawn without what its handler had not yet loaded would fail
/// worse. The answer stays 503 with Retry-After either way, so monitoring sees the fault.
/// </summary>
public sealed class StorageFaultForms(AppDbContext db, ILogger<StorageFaultForms> logger, IStringLocalizer<SharedResource> localizer) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled
            || !HttpMethods.IsPost(context.HttpContext.Request.Method)
            || !DatabaseBusy.IsStorageFault(exception)
            || context.HandlerInstance is not PageModel page
            || page is not IShownAgainAfterStorageFault form)
        {
            return;
        }

        // First and loudest, as the middleware would: an operator must free space or fix the file's permissions.
        logger.LogCritical(exception, "The database could not be written (disk full, read-only or I/O error) during POST {Path}; the form is shown again", context.HttpContext.Request.Path);

        // What the failed save left tracked (added rows, changed values) must not show up as if it were stored.
        db.ChangeTracker.Clear();
        page.ModelState.AddModelError(string.Empty, localizer["Storage.NotSaved"]);
        IActionResult result;
        try
        {
            result = await form.ShowAgainAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception reloading) when (reloading is not OperationCanceledException)
        {
            // The page could not even be read back (an I/O error, say): the middleware's Danish 503 page, as before.
            logger.LogWarning(reloading, "The form at {Path} could not be shown again after a storage fault", context.HttpContext.Request.Path);
            return;
        }

        if (result is PageResult shown)
        {
            shown.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.HttpContext.Response.Headers.RetryAfter = "60";
        }

        context.HttpContext.Items[DatabaseBusy.StorageFaultItem] = true;
        executed.Result = result;
        executed.ExceptionHandled = true;
    }
}

/// <summary>
/// A form page that can be shown again after its save failed for storage reasons: loads what the page shows
/// beside the input (lists, headings), which a handler that failed halfway may not have loaded, and returns <c>Page()</c>.
/// </summary>
public interface IShownAgainAfterStorageFault
{
    Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken);
}
