using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>Making, finding and revoking share links. The token is 32 random bytes; only its hash is kept.</summary>
public sealed class ShareLinks(AppDbContext db, TimeProvider clock)
{
    private const int TokenBytes = 32;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <returns>The token: the only time it exists outside the visitor's link.</returns>
    public async Task<string> CreateAsync(int strategyId, string label, DateOnly expiresOn, bool showNames, string? createdById, CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        db.StrategyShares.Add(new StrategyShare
        {
            StrategyId = strategyId,
            TokenHash = Hash(token),
            Label = label.Trim(),
            ShowNames = showNames,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedById = createdById,

            // Valid through the whole expiry day, Danish time.
            ExpiresAtUtc = TimeZoneInfo.ConvertTimeToUtc(expiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue), Shared.DanishTime.Zone),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The share a token opens now, or null: unknown, malformed, expired or revoked all look the same.</summary>
    public async Task<StrategyShare?> FindValidAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is null || token.Length != Base64Url.GetEncodedLength(TokenBytes) || !Base64Url.IsValid(token))
        {
            return null;
        }

        var hash = Hash(token);
        var share = await db.StrategyShares.AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        return share is not null && share.IsValidAt(clock.GetUtcNow().UtcDateTime) ? share : null;
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken)
    {
        var share = await db.StrategyShares.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (share is null)
        {
            return false;
        }

        share.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
