using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>
/// A read-only link to one strategy for people without an account. Only the SHA-256 of the link's
/// token is stored, so the link is shown once, when it is made; it stops working when it expires or
/// is revoked.
/// </summary>
public sealed class StrategyShare
{
    public int Id { get; set; }

    public int StrategyId { get; set; }

    public Strategy? Strategy { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>Who the link is for ("PPR", "skolelederne"), for the administrators' list.</summary>
    public required string Label { get; set; }

    /// <summary>Names of persons (owners) may be shown; off, the pages name nobody and the briefings, which name owners, are not offered.</summary>
    public bool ShowNames { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string? CreatedById { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public bool IsValidAt(DateTime nowUtc) => RevokedAtUtc is null && ExpiresAtUtc > nowUtc;
}
