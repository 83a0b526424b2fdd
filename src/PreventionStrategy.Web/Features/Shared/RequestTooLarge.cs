using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// A request whose declared length is over the page's limit is answered 413 before anything reads
/// it: otherwise the antiforgery check fails first on the unreadable form and the person is told
/// the form expired. The status page then says the upload is too large and names the limit.
/// </summary>
public sealed class RequestTooLarge(RequestDelegate next)
{
    public const string LimitItem = "RequestTooLarge.Limit";

    public static long Megabytes(long bytes) => bytes / (1024 * 1024);

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        // The status page, re-executed for this same request, must render.
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (limit is { } max && context.Request.ContentLength > max && !reExecuted)
        {
            context.Items[LimitItem] = max;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
