namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// The municipality's clock. Servers run in UTC; "today", "overdue" and the times people read are
/// Danish (Europe/Copenhagen, with summer time), whatever the server's own zone.
/// </summary>
public static class DanishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(Now(clock));

    public static DateTime Now(this TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
