using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// TempData (the one-off messages shown after a redirect) travels in a cookie. A message can be
/// built from user data (an import's warnings), and a cookie that grows past what servers accept
/// (about 8–16 KB of headers) locks that browser out of the site with 431 until it is cleared.
/// So each text is cut at <see cref="MaxTextLength"/> characters, and an empty TempData sends no
/// cookie at all (the provider would otherwise delete, on every page, a cookie the browser never had).
/// </summary>
public sealed class BoundedTempData(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public const int MaxTextLength = 1_000;

    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !HasCookie(context, options.Value))
        {
            return;
        }

        foreach (var key in values.Keys.ToList())
        {
            if (values[key] is string { Length: > MaxTextLength } text)
            {
                values[key] = string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");
            }
        }

        inner.SaveTempData(context, values);
    }

    /// <summary>Whether the request carries TempData: the cookie or its chunks ("name", "nameC1", …).</summary>
    public static bool HasCookie(HttpContext context, CookieTempDataProviderOptions options)
    {
        var name = options.Cookie.Name ?? CookieTempDataProvider.CookieName;
        return context.Request.Cookies.Keys.Any(k => k.StartsWith(name, StringComparison.Ordinal));
    }
}
