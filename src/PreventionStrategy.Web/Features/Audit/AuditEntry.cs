namespace PreventionStrategy.Web.Features.Audit;

/// <summary>One create, update or delete of one entity: who, when, and each changed field's old and new value.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>JSON array of { "field", "old", "new" }.</summary>
    public required string Changes { get; set; }

    /// <summary>A short readable label of the entity (its title or name), for search and lists.</summary>
    public string? Label { get; set; }

    /// <summary>The client's address, for security events (a sign-in, a refused request); null for data changes.</summary>
    public string? IpAddress { get; set; }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Archived,

    // Security events: EntityType "Security", EntityId the user's id (or the e-mail tried, for an unknown user).
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    Forbidden,
    RoleChanged,
    SessionsEnded,
    PasswordReset,
    PasswordResetRequested,
    TwoFactorEnabled,
    TwoFactorDisabled,
    TwoFactorFailed,
    RecoveryCodesGenerated,

    /// <summary>A mail client's one-click unsubscribe (RFC 8058): EntityId the address, the list as a fact.</summary>
    Unsubscribed,

    /// <summary>A page opened through a share link: EntityId "share-{id}", the page (without the token) as a fact.</summary>
    ShareUsed,
}
