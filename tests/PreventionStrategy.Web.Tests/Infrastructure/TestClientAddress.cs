using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// The test server has no network, so no client address; this gives each request one, as Kestrel
/// would: 127.0.0.1 unless the test names another in <see cref="Header"/> (to be two clients at once).
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Parse(
                context.Request.Headers.TryGetValue(Header, out var address) ? address.ToString() : "127.0.0.1");
            return nextMiddleware(context);
        });
        next(app);
    };
}
