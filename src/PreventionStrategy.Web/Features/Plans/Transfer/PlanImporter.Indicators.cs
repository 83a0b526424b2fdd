using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Indicators;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>The checks and the building of a plan file's indicators.</summary>
public sealed partial class PlanImporter
{
    /// <summary>Far more than a council reports on; a file beyond it is not a plan.</summary>
    public const int MaxIndicators = 500;

    /// <summary>Ten years of months for each of ten years more: far beyond any real series.</summary>
    public const int MaxMeasurementsPerIndicator = 1200;

    private void ValidateIndicators(IReadOnlyList<PlanIndicator> indicators, IReadOnlyDictionary<string, PlanFocusArea> focusAreasByKey, List<string> errors)
    {
        void Error(string name, params object[] arguments) => errors.Add(L(name, arguments));

        EmptyItems(indicators, "Where.IndicatorNo", errors);
        if (indicators.Count > MaxIndicators)
        {
            Error("Problem.TooManyIndicators", indicators.Count, MaxIndicators);
            return;
        }

        UniqueKeys(indicators.Where(i => i is not null).ToList(), i => i.Key, "Problem.DuplicateKey.Indicator", errors);
        for (var i = 0; i < indicators.Count; i++)
        {
            if (indicators[i] is not { } indicator)
            {
                continue;
            }

            var where = Where(indicator.Key, i, "Where.Indicator", "Where.IndicatorNo");
            Key(where, indicator.Key, errors);
            Text(where, indicator.Name, "Field.Name", MaxLength<Indicator>(nameof(Indicator.Name)), required: true, errors);
            Text(where, indicator.Description, "Field.Description", MaxLength<Indicator>(nameof(Indicator.Description)), required: false, errors);
            Text(where, indicator.Source, "Field.Source", MaxLength<Indicator>(nameof(Indicator.Source)), required: false, errors);
            Email(where, indicator.OwnerEmail, 256, errors);
            Defined(where, indicator.Direction, "Field.Direction", errors);
            if (indicator.Kind is not { } kind)
            {
                Error("Problem.Missing", where, L("Field.IndicatorKind"));
            }
            else
            {
                Defined(where, kind, "Field.IndicatorKind", errors);
            }

            if (indicator.Unit is not { } unit)
            {
                Error("Problem.Missing", where, L("Field.Unit"));
                unit = IndicatorUnit.Count;
            }
            else
            {
                Defined(where, unit, "Field.Unit", errors);
            }

            if (indicator.Frequency is not { } frequency)
            {
                Error("Problem.Missing", where, L("Field.Frequency"));
                continue;
            }

            if (!IndicatorPeriods.IsFrequency(frequency))
            {
                Error("Problem.InvalidValue", where, L("Field.Frequency"), frequency);
                continue;
            }

            References(where, indicator.FocusAreaKeys, focusAreasByKey, "Problem.UnknownFocusArea", errors);

            var categories = indicator.Categories ?? [];
            if (categories.Count > IndicatorEditor.MaxCategories)
            {
                Error("Problem.TooManyCategories", where, categories.Count, IndicatorEditor.MaxCategories);
            }

            if (categories.Count == 1)
            {
                Error("Problem.OneCategory", where);
            }

            if (categories.Count > 0 && unit is not (IndicatorUnit.Count or IndicatorUnit.Dkk))
            {
                Error("Problem.CategoriesNeedSummableUnit", where);
            }

            foreach (var category in categories)
            {
                Text(where, category, "Field.Category", MaxLength<IndicatorCategory>(nameof(IndicatorCategory.Name)), required: true, errors);
            }

            foreach (var duplicate in categories.Where(c => c is not null).GroupBy(c => c.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                Error("Problem.DuplicateCategory", where, duplicate.Key);
            }

            if (indicator.Baseline is { } baseline)
            {
                if (baseline.Value is null)
                {
                    Error("Problem.Missing", L("Where.Baseline", where), L("Field.Value"));
                }

                if (IndicatorPeriods.Parse(baseline.Period, frequency) is null)
                {
                    Error("Problem.BadPeriod", L("Where.Baseline", where), baseline.Period ?? string.Empty);
                }
            }

            var targets = indicator.Targets ?? [];
            EmptyItems(targets, "Where.TargetNo", errors);
            foreach (var target in targets.Where(t => t is not null))
            {
                var whereTarget = L("Where.Target", where, target.Year);
                if (target.Year is < PlannedTiming.MinYear or > PlannedTiming.MaxYear)
                {
                    Error("Problem.YearRange", whereTarget, target.Year, PlannedTiming.MinYear, PlannedTiming.MaxYear);
                }

                var isBand = target.Low is not null && target.High is not null;
                if (target.Value is not null == (target.Low is not null || target.High is not null) || (!isBand && target.Value is null))
                {
                    Error("Problem.TargetValueOrBand", whereTarget);
                }
                else if (isBand && target.Low > target.High)
                {
                    Error("Problem.TargetBandOrder", whereTarget);
                }

                Text(whereTarget, target.Reasoning, "Field.Reasoning", MaxLength<IndicatorTarget>(nameof(IndicatorTarget.Reasoning)), required: false, errors);
            }

            foreach (var year in targets.Where(t => t is not null).GroupBy(t => t.Year).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                Error("Problem.DuplicateTargetYear", where, year);
            }

            var measurements = indicator.Measurements ?? [];
            EmptyItems(measurements, "Where.MeasurementNo", errors);
            if (measurements.Count > MaxMeasurementsPerIndicator)
            {
                Error("Problem.TooManyMeasurements", where, measurements.Count, MaxMeasurementsPerIndicator);
                continue;
            }

            var periods = new HashSet<string>(StringComparer.Ordinal);
            foreach (var measurement in measurements.Where(m => m is not null))
            {
                var whereMeasurement = L("Where.Measurement", where, measurement.Period ?? string.Empty);
                var period = IndicatorPeriods.Parse(measurement.Period, frequency);
                if (period is null)
                {
                    Error("Problem.BadPeriod", whereMeasurement, measurement.Period ?? string.Empty);
                    continue;
                }

                if (!periods.Add(IndicatorPeriods.Key(period)))
                {
                    Error("Problem.DuplicatePeriod", where, measurement.Period!);
                }

                var values = measurement.Values ?? [];
                if (categories.Count == 0)
                {
                    if (measurement.Total is not { } total)
                    {
                        Error("Problem.Missing", whereMeasurement, L("Field.Total"));
                    }
                    else if (MeasurementGrid.ProblemWith(unit, total) is not null)
                    {
                        Error("Problem.ValueOutOfRange", whereMeasurement, total);
                    }

                    if (values.Count > 0)
                    {
                        Error("Problem.ValuesWithoutCategories", whereMeasurement);
                    }
                }
                else
                {
                    if (values.Count != categories.Count)
                    {
                        Error("Problem.ValuesCount", whereMeasurement, values.Count, categories.Count);
                    }

                    if (measurement.Total is not null)
                    {
                        Error("Problem.TotalWithCategories", whereMeasurement);
                    }

                    foreach (var value in values.Where(v => MeasurementGrid.ProblemWith(unit, v) is not null))
                    {
                        Error("Problem.ValueOutOfRange", whereMeasurement, value);
                    }
                }

                Text(whereMeasurement, measurement.Comment, "Field.Comment", MaxLength<IndicatorMeasurement>(nameof(IndicatorMeasurement.Comment)), required: false, errors);
                Text(whereMeasurement, measurement.EnteredBy, "Field.EnteredBy", MaxLength<IndicatorMeasurement>(nameof(IndicatorMeasurement.EnteredByName)), required: false, errors);
                Text(whereMeasurement, measurement.UpdatedBy, "Field.EnteredBy", MaxLength<IndicatorMeasurement>(nameof(IndicatorMeasurement.UpdatedByName)), required: false, errors);
            }
        }
    }

    /// <summary>Only for indicators <see cref="ValidateIndicators"/> accepted; owners were looked up with the milestones' (one warning per unknown email).</summary>
    private void AddIndicators(IReadOnlyList<PlanIndicator> items, Strategy strategy, IReadOnlyDictionary<string, FocusArea> focusAreas, IReadOnlyDictionary<string, string> owners)
    {
        foreach (var item in items)
        {
            var frequency = item.Frequency!.Value;
            var categories = (item.Categories ?? []).Select((name, index) => new IndicatorCategory { Name = name.Trim(), SortOrder = index + 1 }).ToList();
            var indicator = new Indicator
            {
                SortOrder = item.Order,
                Name = item.Name,
                Description = item.Description,
                Kind = item.Kind!.Value,
                Unit = item.Unit!.Value,
                Frequency = frequency,
                Direction = item.Direction,
                Source = item.Source,
                OwnerId = OwnerId(item.OwnerEmail, owners),
                IsExampleData = item.IsExampleData,
                BaselineValue = item.Baseline?.Value,
                BaselinePeriod = item.Baseline is { } baseline ? IndicatorPeriods.Parse(baseline.Period, frequency) : null,
                FocusAreas = [.. (item.FocusAreaKeys ?? []).Select(key => focusAreas[key])],
                Categories = categories,
                Targets = [.. (item.Targets ?? []).Select(t => new IndicatorTarget { Year = t.Year, Value = t.Value, Low = t.Low, High = t.High, Reasoning = t.Reasoning })],
            };

            foreach (var m in item.Measurements ?? [])
            {
                var period = IndicatorPeriods.Parse(m.Period, frequency)!;
                var values = categories.Count == 0 ? new List<IndicatorValue>() : (m.Values ?? []).Select((value, index) => new IndicatorValue { Category = categories[index], Value = value }).ToList();
                indicator.Measurements.Add(new IndicatorMeasurement
                {
                    Period = period,
                    PeriodKey = IndicatorPeriods.Key(period),
                    Total = categories.Count == 0 ? m.Total!.Value : values.Sum(v => v.Value),
                    IsFinal = m.IsFinal,
                    Comment = m.Comment,
                    EnteredByName = m.EnteredBy ?? L("Import.EnteredByImport"),
                    EnteredAtUtc = m.EnteredAt is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : DateTime.UtcNow,
                    UpdatedByName = m.UpdatedBy,
                    UpdatedAtUtc = m.UpdatedAt is { } updated ? DateTime.SpecifyKind(updated.ToUniversalTime(), DateTimeKind.Utc) : null,
                    Values = values,
                });
            }

            indicator.Strategy = strategy;
            db.Indicators.Add(indicator);
        }
    }
}
