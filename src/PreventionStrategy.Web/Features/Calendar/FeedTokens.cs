using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Calendar;

/// <summary>Creating, finding and revoking the secrets in feed addresses. A token is shown once, when it is made.</summary>
public static class FeedTokens
{
    /// <summary>32 random bytes: 256 bits, as unguessable as the hash that stores them.</summary>
    private const int TokenBytes = 32;

    /// <summary>How stale "last used" may get: saves a write on every poll, and an hour is what anyone needs to know.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromHours(1);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Replaces the user's token (the old address stops working) and returns the new one.</summary>
    public static Task<string> RegenerateForUserAsync(AppDbContext db, string userId, DateTime nowUtc, CancellationToken cancellationToken) =>
        RegenerateAsync(db, db.CalendarFeedTokens.Where(t => t.UserId == userId), hash => new CalendarFeedToken { TokenHash = hash, UserId = userId, CreatedAtUtc = nowUtc }, cancellationToken);

    public static Task<string> RegenerateForStrategyAsync(AppDbContext db, int strategyId, DateTime nowUtc, CancellationToken cancellationToken) =>
        RegenerateAsync(db, db.CalendarFeedTokens.Where(t => t.StrategyId == strategyId), hash => new CalendarFeedToken { TokenHash = hash, StrategyId = strategyId, CreatedAtUtc = nowUtc }, cancellationToken);

    public static Task RevokeForUserAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.CalendarFeedTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public static Task RevokeForStrategyAsync(AppDbContext db, int strategyId, CancellationToken cancellationToken) =>
        db.CalendarFeedTokens.Where(t => t.StrategyId == strategyId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The stored token for an address's secret, or null for anything unknown, revoked or malformed.</summary>
    public static async Task<CalendarFeedToken?> FindAsync(AppDbContext db, string? token, CancellationToken cancellationToken)
    {
        // Only what Create could have made is looked up; the lookup is by hash, so comparing it leaks nothing about a real token.
        if (token is null || token.Length != Base64Url.GetEncodedLength(TokenBytes) || !Base64Url.IsValid(token))
        {
            return null;
        }

        var hash = Hash(token);
        return await db.CalendarFeedTokens.AsNoTracking().Include(t => t.User).Include(t => t.Strategy)
            .FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    public static Task MarkUsedAsync(AppDbContext db, CalendarFeedToken token, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var before = nowUtc - LastUsedResolution;
        return db.CalendarFeedTokens
            .Where(t => t.Id == token.Id && (t.LastUsedAtUtc == null || t.LastUsedAtUtc < before))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAtUtc, nowUtc), cancellationToken);
    }

    private static async Task<string> RegenerateAsync(AppDbContext db, IQueryable<CalendarFeedToken> existing, Func<string, CalendarFeedToken> create, CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

        // Delete and insert in one transaction: the old address stops working in the same instant the new one starts,
        // and the unique index on the owner means a double click can never leave two working addresses.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await existing.ExecuteDeleteAsync(cancellationToken);
        db.CalendarFeedTokens.Add(create(Hash(token)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }
}
