using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// HTTPS only: cookies marked Secure, HTTP redirected to HTTPS, HSTS sent. Off only for the demo on
    /// plain http://localhost; behind a TLS-terminating proxy leave it on and forward the scheme.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Sign-in, password-reset and two-factor submissions allowed per client address and minute; more get 429.</summary>
    [Range(1, 100_000)]
    public int SignInRequestsPerMinute { get; set; } = 10;

    /// <summary>
    /// How often a signed-in browser's cookie is checked against the user's security stamp: the longest a
    /// removed role, a disabled account, a reset password or "sign out everywhere" takes to bite.
    /// </summary>
    [Range(0, 5)]
    public int SessionCheckMinutes { get; set; } = 5;

    /// <summary>
    /// Administrators and department heads change the plan; with this on they may read without a
    /// second factor but change nothing until they have turned on two-factor authentication.
    /// </summary>
    public bool RequireTwoFactorForEditors { get; set; } = true;

    /// <summary>How long a failure counts towards a lock-out, and how long the lock-out lasts.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;
}
