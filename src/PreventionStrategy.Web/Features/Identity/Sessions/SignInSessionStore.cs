using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.PageCache;

namespace PreventionStrategy.Web.Features.Identity.Sessions;

/// <summary>
/// Keeps sign-in tickets in the database (<see cref="SignInSession"/>) instead of in the cookie,
/// so a session can be ended from the server: signing out deletes the row, and a copy of the
/// cookie then finds nothing. Each request also compares the ticket's security stamp with the
/// user's: a role change, a disabled account, a reset password or <i>Log brugeren ud overalt</i>
/// renew the stamp, and every older session of that user ends at its very next request, not at
/// the periodic check.
/// A session read is kept in memory together with the content version it was read at
/// (<see cref="ContentVersionReader"/>): ending or renewing a session, and any change to a user,
/// moves that version in the database, so while it stands still the kept reading is as good as a
/// new one, on every server. A request then costs the one version read the page cache makes anyway.
/// </summary>
public sealed class SignInSessionStore(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<IdentityOptions> identity,
    ContentVersionReader versions,
    IHttpContextAccessor http,
    IMemoryCache memory) : ITicketStore
{
    private static readonly MemoryCacheEntryOptions Kept = new() { SlidingExpiration = TimeSpan.FromMinutes(30) };

    private sealed record KnownSession(long Version, byte[] Ticket, DateTime? ExpiresAtUtc);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Sessions that ran out without a sign-out are swept here, on the way in.
        await db.SignInSessions.Where(s => s.ExpiresAtUtc < now).ExecuteDeleteAsync();
        db.SignInSessions.Add(new SignInSession
        {
            Id = id,
            UserId = UserId(ticket),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAtUtc = now,
            ExpiresAtUtc = ticket.Properties.ExpiresUtc?.UtcDateTime,
        });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>Sliding expiry and renewed claims; a session already ended stays ended (no row is created).</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        memory.Remove(CacheKey(key));
        await db.SignInSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAtUtc, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        // Read before the session, so a kept reading is never newer than the version it is filed under.
        var version = versions.ForRequest(http.HttpContext);
        if (memory.TryGetValue(CacheKey(key), out KnownSession? known) && known!.Version == version && !Expired(known.ExpiresAtUtc))
        {
            return TicketSerializer.Default.Deserialize(known.Ticket);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var found = await (
                from session in db.SignInSessions
                where session.Id == key
                join user in db.Users on session.UserId equals user.Id
                select new { session.Ticket, session.ExpiresAtUtc, user.SecurityStamp, user.IsDisabled })
            .AsNoTracking()
            .FirstOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        var ticket = TicketSerializer.Default.Deserialize(found.Ticket);
        var stamp = ticket?.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (ticket is null || Expired(found.ExpiresAtUtc) || found.IsDisabled || stamp != found.SecurityStamp)
        {
            memory.Remove(CacheKey(key));
            await db.SignInSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
            return null;
        }

        memory.Set(CacheKey(key), new KnownSession(version, found.Ticket, found.ExpiresAtUtc), Kept);
        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        memory.Remove(CacheKey(key));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.SignInSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private bool Expired(DateTime? expiresAtUtc) => expiresAtUtc is { } expires && expires < clock.GetUtcNow().UtcDateTime;

    private static string CacheKey(string sessionId) => "sign-in-session:" + sessionId;

    private string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
        ?? throw new InvalidOperationException("A sign-in ticket without a user id cannot be stored.");
}
