using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>Builds the Effekt section in a fixed number of queries, whatever the number of indicators and figures.</summary>
public sealed class BriefingEffectBuilder(AppDbContext db, IndicatorFormat figures, Display display)
{
    /// <summary>The briefing charts this many target indicators; the site lists them all.</summary>
    public const int MaxTargets = 8;

    public const int MaxWatched = 10;

    public const int MaxChangedFigures = 25;

    /// <summary>Call in Danish culture: the wording follows it.</summary>
    public async Task<BriefingEffect> BuildAsync(int strategyId, DateTime sinceUtc, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Where(i => i.StrategyId == strategyId)
            .OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Include(i => i.Categories)
            .Include(i => i.Targets)
            .Include(i => i.Measurements.OrderBy(m => m.Period.Start)).ThenInclude(m => m.Values)
            .ToListAsync(ct);
        if (indicators.Count == 0)
        {
            return BriefingEffect.Empty;
        }

        var names = indicators.ToDictionary(i => i.Id, i => i.Name);
        var units = indicators.ToDictionary(i => i.Id, i => i.Unit);
        var ids = names.Keys.ToList();
        var revisions = db.MeasurementRevisions.AsNoTracking().Where(r => ids.Contains(r.IndicatorId) && r.ChangedAtUtc >= sinceUtc);
        var changedTotal = await revisions.CountAsync(ct);
        var changed = await revisions.OrderByDescending(r => r.ChangedAtUtc).ThenByDescending(r => r.Id).Take(MaxChangedFigures).ToListAsync(ct);

        var targets = indicators.Where(i => i.Kind == IndicatorKind.Target).Take(MaxTargets).Select(Describe).ToList();
        var watched = indicators.Where(i => i.Kind == IndicatorKind.Watch).Take(MaxWatched).Select(Describe).ToList();
        var changes = changed.Select(r => new BriefingFigureChange(
            display.DateTime(DanishTime.FromUtc(r.ChangedAtUtc)),
            names[r.IndicatorId],
            display.Timing(r.Period),
            ChangeText(r, units[r.IndicatorId]),
            r.ChangedByName)).ToList();
        return new BriefingEffect(targets, watched, changes, changedTotal);
    }

    private BriefingIndicator Describe(Indicator indicator)
    {
        var series = IndicatorSeriesBuilder.From(indicator);
        var points = indicator.Measurements.Select(m => new IndicatorPoint(m.Period, m.Total, m.IsFinal)).ToList();
        var assessment = IndicatorAssessment.Of(indicator.Kind, indicator.Direction, indicator.BaselineValue, indicator.BaselinePeriod, indicator.Targets, points);
        var latest = assessment.Latest is { } l
            ? $"{figures.Value(indicator.Unit, l.Value, seesSmallNumbers: false)} ({display.Timing(l.Period)}{(l.IsFinal ? string.Empty : ", foreløbig")})"
            : "Ingen målinger endnu";
        var trend = figures.Trend(indicator.Unit, assessment, seesSmallNumbers: false);
        var sentence = string.Join(" ", new[]
        {
            assessment.Latest is null ? "Der er endnu ingen målinger." : $"Seneste tal: {latest}.",
            trend,
            figures.Expected(indicator.Unit, indicator.Direction, assessment.Expected),
        }.Where(s => !string.IsNullOrEmpty(s)));
        return new BriefingIndicator(
            indicator.Name,
            indicator.IsExampleData,
            assessment.Verdict,
            figures.Verdict(assessment.Verdict),
            latest,
            sentence,
            trend ?? "–",
            series,
            display.Enum(indicator.Unit),
            series.Slots(IndicatorChartSvg.MaxSlots).ToDictionary(p => p.Start, figures.ShortPeriod));
    }

    private string ChangeText(MeasurementRevision r, IndicatorUnit unit)
    {
        string Value(decimal? v) => v is { } value ? figures.Value(unit, value, seesSmallNumbers: false) : "–";
        return r.Change switch
        {
            MeasurementChange.Entered => $"Indtastet: {Value(r.NewTotal)}",
            MeasurementChange.Removed => $"Fjernet: {Value(r.OldTotal)}",
            _ when r.OldTotal == r.NewTotal => r.NewIsFinal == true ? "Gjort endelig" : "Kommentar ændret",
            _ => $"Rettet: {Value(r.OldTotal)} → {Value(r.NewTotal)}",
        };
    }
}
