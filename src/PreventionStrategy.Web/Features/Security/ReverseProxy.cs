using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PreventionStrategy.Web.Features.Security;

/// <summary>
/// Behind nginx or HAProxy: the client's address (for the sign-in rate limit and the audit trail) and the scheme
/// (HTTPS, for Secure cookies and the redirect) come from the proxy's X-Forwarded-For and X-Forwarded-Proto, but
/// only from the proxies named in <c>Proxy:KnownProxies</c>; anyone else could write those headers themselves.
/// Nothing named: the headers are ignored, as before.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "Proxy";

    public static void AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            // One proxy in front: only the address it saw is taken, not what the client claimed before it.
            options.ForwardLimit = 1;
        });
    }

    public static void UseReverseProxy(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }

    private static List<IPAddress> KnownProxies(IConfiguration configuration) =>
        configuration.GetSection(Section + ":KnownProxies").Get<string[]>()?
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => IPAddress.TryParse(a.Trim(), out var address) ? address : throw new InvalidOperationException($"Proxy:KnownProxies: '{a}' is not an IP address."))
            .ToList() ?? [];
}
