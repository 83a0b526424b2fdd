using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Calendar;

/// <summary>How both feeds answer: the calendar, or 304 when the calendar app already has this version.</summary>
public static class FeedResponse
{
    public static IActionResult For(HttpContext context, string name, string siteBaseUrl, IReadOnlyList<FeedEntry> entries, IStringLocalizer<SharedResource> localizer, DateTime nowUtc)
    {
        var etag = CalendarFeed.ETag(name, siteBaseUrl, entries);
        var headers = context.Response.Headers;
        headers.ETag = etag;

        // The address is the credential: no shared cache may keep it, and every refresh asks (cheaply, with the ETag) whether anything moved.
        headers.CacheControl = "private, no-cache";
        headers["X-Robots-Tag"] = "noindex";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Select(v => v.Trim()).Any(v => v == "*" || WeakEquals(v, etag))))
        {
            return new StatusCodeResult(StatusCodes.Status304NotModified);
        }

        // Whatever language the subscriber's browser used: the calendar is read in Danish.
        using (DanishCulture.Use())
        {
            var text = CalendarFeed.Write(name, siteBaseUrl, entries, status => localizer[$"{nameof(MilestoneStatus)}.{status}"], nowUtc);
            return new ContentResult { Content = text, ContentType = CalendarFeed.ContentType, StatusCode = StatusCodes.Status200OK };
        }
    }

    private static bool WeakEquals(string a, string b) =>
        EntityTagHeaderValue.TryParse(a, out var left) && EntityTagHeaderValue.TryParse(b, out var right) && left.Compare(right, useStrongComparison: false);
}
