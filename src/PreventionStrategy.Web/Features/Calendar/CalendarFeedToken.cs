using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Calendar;

/// <summary>
/// The secret in a calendar subscription's address. Calendar apps cannot sign in, so whoever holds
/// the address reads the feed; only the SHA-256 hash of the secret is stored, so a copy of the
/// database (or a backup) hands out no working addresses. Either a user's own feed or a strategy's.
/// Not an <see cref="Data.Entity"/>: nobody edits it in a form, and it stays out of the audit trail.
/// </summary>
public sealed class CalendarFeedToken
{
    public int Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the address.</summary>
    public required string TokenHash { get; set; }

    public string? UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public int? StrategyId { get; set; }

    public Strategy? Strategy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When a calendar last fetched the feed (to the hour): shows whether a subscription is alive.</summary>
    public DateTime? LastUsedAtUtc { get; set; }
}
