namespace PreventionStrategy.Web.Features.Identity.Sessions;

/// <summary>
/// One signed-in browser. The sign-in cookie carries only <see cref="Id"/>; the ticket (who, which
/// roles, when it expires) stays here, so removing the row ends that session at its next request.
/// </summary>
public sealed class SignInSession
{
    /// <summary>256 random bits, base64url: not guessable, and the only thing the cookie holds.</summary>
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>The authentication ticket as ASP.NET Core serialises it (TicketSerializer).</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ExpiresAtUtc { get; set; }
}
