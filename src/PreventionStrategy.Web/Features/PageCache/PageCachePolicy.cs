using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.PageCache;

/// <summary>
/// The cache for the most read pages (dashboard, lists, details, timeline, calendar). A page is kept
/// per person and per browser, and served again only while nothing in the database has changed
/// since it was drawn, the day is the same and the language is the same:
/// <list type="bullet">
/// <item>the content version (<see cref="ContentVersion"/>) is read before the page, so a save
/// by anyone, on any server, is seen on the next request;</item>
/// <item>the user id and the browser's antiforgery cookie are part of the key: a page holds the
/// person's name, what they may edit and form tokens that are valid only with that cookie;</item>
/// <item>the Danish date is part of the key: "over tid" and today's marker change at midnight;</item>
/// <item>nothing is kept or served while a one-off message is waiting (TempData), nor a response
/// that sets a cookie or is not a 200.</item>
/// </list>
/// </summary>
public sealed class PageCachePolicy(
    ContentVersionReader versions,
    IOptions<PageCacheOptions> options,
    IOptions<AntiforgeryOptions> antiforgery,
    IOptions<CookieTempDataProviderOptions> tempData,
    TimeProvider clock) : IOutputCachePolicy
{
    public const string Name = "Page";

    private readonly string antiforgeryCookie = antiforgery.Value.Cookie.Name ?? "";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var cacheable = options.Value.Enabled
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && userId is not null
            && !BoundedTempData.HasCookie(http, tempData.Value);
        context.EnableOutputCaching = cacheable;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(options.Value.MinutesKept);
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = "Accept-Encoding";
        var values = context.CacheVaryByRules.VaryByValues;
        values["content"] = versions.ForRequest(http).ToString(CultureInfo.InvariantCulture);
        values["user"] = userId!;
        values["browser"] = http.Request.Cookies[antiforgeryCookie] ?? "";
        values["language"] = CultureInfo.CurrentUICulture.Name;
        values["day"] = DanishTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
