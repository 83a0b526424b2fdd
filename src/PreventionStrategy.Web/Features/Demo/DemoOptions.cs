namespace PreventionStrategy.Web.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds the Norddjurs plan and one user per role with a published password. Never on in production.</summary>
    public bool Enabled { get; set; }
}
