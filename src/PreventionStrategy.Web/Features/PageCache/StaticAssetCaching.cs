using Microsoft.Net.Http.Headers;

namespace PreventionStrategy.Web.Features.PageCache;

/// <summary>
/// Styles, scripts and icons are linked with <c>asp-append-version</c> (<c>site.css?v=&lt;hash of the file&gt;</c>):
/// such an address never changes its content, so browsers keep it for a year without asking again;
/// a new build links a new address. Anything asked for without the hash is checked every time.
/// </summary>
public static class StaticAssetCaching
{
    public static readonly StaticFileOptions Options = new()
    {
        OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "no-cache";
        },
    };
}
