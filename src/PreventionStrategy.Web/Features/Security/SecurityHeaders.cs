namespace PreventionStrategy.Web.Features.Security;

/// <summary>
/// Response headers that keep the browser from running, framing or sniffing anything the site did
/// not intend. The policy has no 'unsafe-inline' for scripts: every script is a file under /js or /lib.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Hangfire's dashboard is third-party markup with inline styles and scripts; it gets its own, looser policy (administrators only).</summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this IApplicationBuilder app, PathString dashboardPath) => app.Use((context, next) =>
    {
        // Decided now: the dashboard moves its own path into PathBase while it runs, before the headers are sent.
        var policy = context.Request.Path.StartsWithSegments(dashboardPath) ? DashboardContentSecurityPolicy : ContentSecurityPolicy;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // A page may ask for stricter (the calendar feed: its address is the credential).
            if (!headers.ContainsKey("Referrer-Policy"))
            {
                headers["Referrer-Policy"] = "same-origin";
            }

            // Downloads (CSV, Excel, JSON, PDF) hold the plan's data: no cache, shared or private, keeps a copy.
            if (headers.ContainsKey("Content-Disposition") && !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
