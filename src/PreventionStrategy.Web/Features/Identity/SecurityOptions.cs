namespace PreventionStrategy.Web.Features.Identity;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Administrators and department heads change the plan; with this on they may read without a
    /// second factor but change nothing until they have turned on two-factor authentication.
    /// </summary>
    public bool RequireTwoFactorForEditors { get; set; } = true;
}
