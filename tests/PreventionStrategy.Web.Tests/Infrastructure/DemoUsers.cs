namespace PreventionStrategy.Web.Tests.Infrastructure;

public static class DemoUsers
{
    public const string Administrator = "admin@demo.local";
    public const string DepartmentHead = "leder@demo.local";
    public const string Staff = "medarbejder@demo.local";
    public const string Committee = "udvalg@demo.local";

    public static readonly string[] All = [Administrator, DepartmentHead, Staff, Committee];
}
