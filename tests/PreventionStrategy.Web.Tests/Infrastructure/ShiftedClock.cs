namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// The real clock, optionally set ahead: "six days later" without waiting six days. Time still
/// runs, so everything that measures durations behaves as in production.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
}
