using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.Account;

/// <summary>
/// Counts wrong sign-ins for addresses that have no (enabled) account, exactly as Identity counts them
/// for real accounts, so the sixth attempt shows the same lock-out message either way: the page never
/// tells a guesser whether an address belongs to someone.
/// </summary>
public sealed class UnknownAccountFailures(IMemoryCache cache, IOptions<IdentityOptions> identity, IOptions<SecurityOptions> security, TimeProvider clock)
{
    /// <summary>Counts one failure; true when the address is (now) locked out.</summary>
    public bool Fail(string email)
    {
        var key = Key(email);
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(security.Value.LockoutMinutes);
        var state = cache.Get<State>(key);
        if (state?.LockedUntil > now)
        {
            return true;
        }

        var failures = state is null || state.LockedUntil is not null ? 1 : state.Failures + 1;
        var locked = failures >= identity.Value.Lockout.MaxFailedAccessAttempts;
        cache.Set(key, new State(locked ? 0 : failures, locked ? now + window : null), window);
        return locked;
    }

    private static string Key(string email) => $"sign-in-failures:{email.Trim().ToUpperInvariant()}";

    private sealed record State(int Failures, DateTimeOffset? LockedUntil);
}
