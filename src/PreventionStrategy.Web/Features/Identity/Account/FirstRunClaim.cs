namespace PreventionStrategy.Web.Features.Identity.Account;

/// <summary>
/// The row the first-run setup writes in the same transaction as the first administrator. Its
/// key is always <see cref="OnlyId"/>, so the database lets exactly one setup succeed however
/// many arrive at once; the others fail on the primary key and are told so.
/// </summary>
public sealed class FirstRunClaim
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;

    public string UserId { get; set; } = string.Empty;

    public DateTime CompletedAtUtc { get; set; }
}
