using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.PageCache;

public static class PageCacheServices
{
    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddSingleton<ContentVersionReader>();
        services.AddSingleton<PageCachePolicy>();
        services.AddSingleton<ReadModels>();
        services.AddOutputCache(options =>
            options.AddPolicy(PageCachePolicy.Name, policy => policy.AddPolicy<PageCachePolicy>(), excludeDefaultPolicy: true));
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>>((cache, pages) =>
            cache.SizeLimit = pages.Value.SizeLimitMegabytes * 1024L * 1024L);

        // Pages and their SVG are text that shrinks to a fifth. Also over HTTPS: the tokens a page carries
        // are encrypted afresh whenever it is drawn, and a cached copy is only ever sent for the same URL,
        // so an attacker cannot probe a secret with text of their own (BREACH); see the README.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "image/svg+xml", "text/calendar", "text/csv", "application/json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }
}
