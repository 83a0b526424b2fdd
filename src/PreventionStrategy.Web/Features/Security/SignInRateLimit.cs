using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.Security;

/// <summary>
/// Slows password guessing from one address: the submissions of the sign-in, password-reset and
/// two-factor pages share one window per client address. Showing the forms is not counted, so a
/// person who mistypes a few times never meets the limit.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static void AddSignInRateLimit(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimit))
                .LogWarning("Too many sign-in requests from {Address} to {Path}", context.HttpContext.Connection.RemoteIpAddress, context.HttpContext.Request.Path);
            return ValueTask.CompletedTask;
        };
        limiter.AddPolicy(Policy, context =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            var perMinute = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInRequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });
    });
}
