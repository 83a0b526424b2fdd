using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Demo;

/// <summary>
/// The demo's clock when <see cref="DemoOptions.AsOf"/> is set: the chosen day at 09:00 Danish time when the
/// site starts, moving on as real time does, so a demo shows a working day whenever it is started (reminders
/// go out from <c>Reminders:SendFromHour</c>). Only the site's own sense of "today" moves; sign-in cookies keep real time,
/// or a browser would drop a cookie whose expiry lies in the demo's past.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private readonly TimeSpan offset;

    public DemoClock(DateOnly asOf, TimeProvider real)
    {
        var start = asOf.ToDateTime(StartOfDay);
        offset = new DateTimeOffset(start, DanishTime.Zone.GetUtcOffset(start)) - real.GetUtcNow();
        Real = real;
    }

    public static readonly TimeOnly StartOfDay = new(9, 0);

    public TimeProvider Real { get; }

    public override DateTimeOffset GetUtcNow() => Real.GetUtcNow() + offset;

    /// <summary>The site's clock: the demo's day when the demo asks for one, else the real one.</summary>
    public static TimeProvider For(IConfiguration configuration)
    {
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>();
        return demo is { Enabled: true, AsOf: { } asOf } ? new DemoClock(asOf, System) : System;
    }
}
