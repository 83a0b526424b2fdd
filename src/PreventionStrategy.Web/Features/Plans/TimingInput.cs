using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace PreventionStrategy.Web.Features.Plans;

/// <summary>The form fields for a <see cref="PlannedTiming"/>, with the checks that explain in words what is wrong.</summary>
public sealed class TimingInput
{
    [Display(Name = "Field.Precision")]
    public TimingPrecision Precision { get; set; } = TimingPrecision.Day;

    [Display(Name = "Field.Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Field.StartTime")]
    public TimeOnly? StartTime { get; set; }

    [Display(Name = "Field.EndTime")]
    public TimeOnly? EndTime { get; set; }

    [Display(Name = "Field.Year")]
    public int? Year { get; set; }

    [Display(Name = "Field.Period")]
    public int? Period { get; set; }

    public static TimingInput From(PlannedTiming timing) => new()
    {
        Precision = timing.Precision,
        Date = timing.Date,
        StartTime = timing.StartTime,
        EndTime = timing.EndTime,
        Year = timing.Year,
        Period = timing.Period,
    };

    /// <summary>Only call after <see cref="Validate"/> found nothing.</summary>
    public PlannedTiming ToTiming() => PlannedTiming.Create(Precision, Year ?? Date?.Year ?? 0, Period, Date, StartTime, EndTime);

    /// <summary>Errors keyed by the field they belong to, relative to this input ("Date", "Period", ...).</summary>
    public IEnumerable<(string Field, string Message)> Validate(IStringLocalizer localizer)
    {
        if (Precision == TimingPrecision.Day)
        {
            if (Date is not { } date)
            {
                yield return (nameof(Date), localizer["Timing.DateRequired"]);
            }
            else if (date.Year is < PlannedTiming.MinYear or > PlannedTiming.MaxYear)
            {
                yield return (nameof(Date), localizer["Timing.YearRange", PlannedTiming.MinYear, PlannedTiming.MaxYear]);
            }

            if (EndTime is not null && StartTime is null)
            {
                yield return (nameof(StartTime), localizer["Timing.StartTimeRequired"]);
            }
            else if (EndTime is { } end && StartTime is { } start && end <= start)
            {
                yield return (nameof(EndTime), localizer["Timing.EndBeforeStart"]);
            }

            yield break;
        }

        if (Year is not { } year)
        {
            yield return (nameof(Year), localizer["Timing.YearRequired"]);
        }
        else if (year is < PlannedTiming.MinYear or > PlannedTiming.MaxYear)
        {
            yield return (nameof(Year), localizer["Timing.YearRange", PlannedTiming.MinYear, PlannedTiming.MaxYear]);
        }

        var maxPeriod = PlannedTiming.MaxPeriod(Precision);
        if (maxPeriod > 0 && (Period is not { } period || period < 1 || period > maxPeriod))
        {
            yield return (nameof(Period), localizer[$"Timing.PeriodRange.{Precision}", maxPeriod]);
        }

        if (StartTime is not null || EndTime is not null)
        {
            yield return (nameof(StartTime), localizer["Timing.TimesNeedDay"]);
        }
    }
}
