using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// How values read in the current language: dates the Danish way ("13. december 2024"),
/// periods ("1. kvartal 2025", "1. halvår 2025"), amounts in kroner and enum values by name.
/// The patterns live in the resource files so English gets its own.
/// </summary>
public sealed class Display(IStringLocalizer<SharedResource> localizer)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public string Date(DateOnly date) => date.ToString(localizer["Format.LongDate"], Culture);

    public string Date(DateOnly? date) => date is { } value ? Date(value) : string.Empty;

    public string ShortDate(DateOnly? date) => date?.ToString(localizer["Format.ShortDate"], Culture) ?? string.Empty;

    public string Time(TimeOnly time) => time.ToString(localizer["Format.Time"], Culture);

    public string DateTime(DateTime value) => value.ToString(localizer["Format.DateTime"], Culture);

    public string Timing(PlannedTiming timing) => timing.Precision switch
    {
        TimingPrecision.Day => DayWithTimes(timing),
        TimingPrecision.Month => new DateOnly(timing.Year, timing.Period!.Value, 1).ToString(localizer["Format.MonthYear"], Culture),
        TimingPrecision.Quarter => localizer["Format.Quarter", timing.Period!.Value, timing.Year],
        TimingPrecision.HalfYear => localizer["Format.HalfYear", timing.Period!.Value, timing.Year],
        _ => timing.Year.ToString(CultureInfo.InvariantCulture),
    };

    public string Amount(long kroner) => localizer["Format.Amount", kroner.ToString("N0", Culture)];

    public string Percent(int percent) => string.Format(Culture, "{0} %", percent);

    public string Enum<TEnum>(TEnum value)
        where TEnum : struct, Enum => localizer[$"{typeof(TEnum).Name}.{value}"];

    public IEnumerable<SelectListItem> Options<TEnum>(TEnum selected)
        where TEnum : struct, Enum => Options((TEnum?)selected);

    public IEnumerable<SelectListItem> Options<TEnum>(TEnum? selected)
        where TEnum : struct, Enum =>
        System.Enum.GetValues<TEnum>().Select(value => new SelectListItem(Enum(value), value.ToString(), selected?.Equals(value) == true));

    private string DayWithTimes(PlannedTiming timing)
    {
        var day = Date(timing.Date!.Value);
        return (timing.StartTime, timing.EndTime) switch
        {
            ({ } start, { } end) => localizer["Format.DayFromTo", day, Time(start), Time(end)],
            ({ } start, null) => localizer["Format.DayAt", day, Time(start)],
            _ => day,
        };
    }
}
