using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.PageCache;

/// <summary>
/// What a page reads about a strategy (the dashboard's counts, panels and lists; the timeline's rows), kept once
/// for everybody until the data changes. The page cache keeps a page per person and browser, so after a change
/// every person's first visit draws the page again; with this, only the first of them reads the database.
/// </summary>
/// <remarks>
/// A model is kept under the content version read at the start of the request and the Danish day, never longer:
/// the version lives in the database, so a save through any server, or by hand, retires it on the next request.
/// The version is read before the model is loaded, so a model is never older than the version it is kept under.
/// Only what is the same for every reader belongs in a read model: what a person may see or do (quick forms,
/// small numbers, links for administrators) is decided by the page from the person, as before.
/// A bounded number of models is kept, the least used going first.
/// </remarks>
public sealed class ReadModels(ContentVersionReader versions, IOptions<PageCacheOptions> options, TimeProvider clock, IHttpContextAccessor http) : IDisposable
{
    private readonly MemoryCache memory = new(new MemoryCacheOptions { SizeLimit = options.Value.ReadModelsKept });

    /// <summary>Whether models are kept at all (<c>PageCache:ReadModels</c>); off, whatever a page would keep with one is drawn each time.</summary>
    public bool Keeping => options.Value.ReadModels;

    /// <summary>
    /// The model of <paramref name="key"/> kept at the current content version and Danish day, else loaded for that
    /// day and kept (a null, such as a strategy not found, is not kept).
    /// </summary>
    /// <param name="key">What the model is of, e.g. <c>dashboard:12</c>; different loads must use different keys.</param>
    public async Task<T?> GetAsync<T>(string key, Func<DateOnly, Task<T?>> load)
        where T : class
    {
        var today = DanishTime.Today(clock);
        if (!options.Value.ReadModels)
        {
            return await load(today);
        }

        var version = versions.ForRequest(http.HttpContext);
        var full = string.Create(CultureInfo.InvariantCulture, $"{key}|{version}|{today:yyyy-MM-dd}");
        if (memory.TryGetValue(full, out var kept) && kept is T model)
        {
            return model;
        }

        // Two requests at once may both load; both get a correct model and the last one stored is kept.
        var loaded = await load(today);
        if (loaded is null)
        {
            return null;
        }

        memory.Set(full, loaded, new MemoryCacheEntryOptions
        {
            Size = 1,
            // A model of an old version is never asked for again; it need not wait for the size limit to go.
            SlidingExpiration = TimeSpan.FromMinutes(options.Value.MinutesKept),
        });
        return loaded;
    }

    public void Dispose() => memory.Dispose();
}
