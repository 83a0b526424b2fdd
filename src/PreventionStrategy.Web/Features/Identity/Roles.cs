namespace PreventionStrategy.Web.Features.Identity;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string DepartmentHead = nameof(DepartmentHead);
    public const string Staff = nameof(Staff);
    public const string Committee = nameof(Committee);

    public static readonly IReadOnlyList<string> All = [Administrator, DepartmentHead, Staff, Committee];
}

public static class Policies
{
    /// <summary>Anyone signed in with one of the site's roles: reading the plan.</summary>
    public const string Reader = nameof(Reader);

    public const string Administrator = nameof(Administrator);
}
