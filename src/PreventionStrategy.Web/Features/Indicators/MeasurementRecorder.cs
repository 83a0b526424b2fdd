using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// One period's figures as entered on the grid or read from a CSV file. <see cref="ByCategory"/> is used when the
/// indicator has categories (category id → value), <see cref="Total"/> when it has none. <see cref="ExpectedVersion"/>
/// is the version the person saw (null: they saw no measurement); an import passes <see cref="AnyVersion"/>.
/// </summary>
public sealed record MeasurementEntry(
    PlannedTiming Period,
    decimal? Total,
    IReadOnlyDictionary<int, decimal> ByCategory,
    bool IsFinal,
    string? Comment,
    int? ExpectedVersion,
    bool Remove = false)
{
    public const int AnyVersion = -1;
}

/// <summary>Someone else changed a period's figures after the person opened the form.</summary>
public sealed record MeasurementConflict(PlannedTiming Period, string? ChangedBy, decimal? CurrentTotal);

public sealed record MeasurementSaveResult(int Entered, int Corrected, int Removed, IReadOnlyList<MeasurementConflict> Conflicts)
{
    public bool Succeeded => Conflicts.Count == 0;

    public int Changed => Entered + Corrected + Removed;
}

/// <summary>
/// Stores figures for many periods at once, all or nothing: new periods are entered, changed ones corrected with a
/// <see cref="MeasurementRevision"/> (old and new figures, who, when; the audit trail records the same), cleared ones
/// removed. The total of an indicator with categories is the sum of its category values. A period someone else
/// changed since the form was opened is refused as a conflict instead of being overwritten.
/// </summary>
public sealed class MeasurementRecorder(AppDbContext db, TimeProvider clock)
{
    public async Task<MeasurementSaveResult> SaveAsync(Indicator indicator, IReadOnlyList<MeasurementEntry> entries, string userName, CancellationToken cancellationToken)
    {
        var keys = entries.Select(e => IndicatorPeriods.Key(e.Period)).ToList();
        var existing = await db.IndicatorMeasurements.Include(m => m.Values)
            .Where(m => m.IndicatorId == indicator.Id && keys.Contains(m.PeriodKey))
            .ToDictionaryAsync(m => m.PeriodKey, cancellationToken);
        var categories = indicator.Categories.OrderBy(c => c.SortOrder).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var conflicts = new List<MeasurementConflict>();
        int entered = 0, corrected = 0, removed = 0;

        foreach (var entry in entries)
        {
            var key = IndicatorPeriods.Key(entry.Period);
            existing.TryGetValue(key, out var current);
            if (entry.ExpectedVersion != MeasurementEntry.AnyVersion && current?.Version != entry.ExpectedVersion)
            {
                conflicts.Add(new MeasurementConflict(entry.Period, current?.UpdatedByName ?? current?.EnteredByName, current?.Total));
                continue;
            }

            if (entry.Remove)
            {
                if (current is not null)
                {
                    db.IndicatorMeasurements.Remove(current);
                    db.MeasurementRevisions.Add(Revision(indicator.Id, entry.Period, MeasurementChange.Removed, current.Total, null, current.IsFinal, null, null, entry.Comment, userName, now));
                    removed++;
                }

                continue;
            }

            var total = categories.Count > 0 ? entry.ByCategory.Values.Sum() : entry.Total!.Value;
            if (current is null)
            {
                var measurement = new IndicatorMeasurement
                {
                    IndicatorId = indicator.Id,
                    Period = IndicatorPeriods.Copy(entry.Period),
                    PeriodKey = key,
                    Total = total,
                    IsFinal = entry.IsFinal,
                    Comment = entry.Comment,
                    EnteredByName = userName,
                    EnteredAtUtc = now,
                    Values = entry.ByCategory.Select(v => new IndicatorValue { CategoryId = v.Key, Value = v.Value }).ToList(),
                };
                db.IndicatorMeasurements.Add(measurement);
                db.MeasurementRevisions.Add(Revision(indicator.Id, entry.Period, MeasurementChange.Entered, null, total, null, entry.IsFinal, null, entry.Comment, userName, now));
                entered++;
                continue;
            }

            var details = CategoryChanges(categories, current, entry);
            if (current.Total == total && current.IsFinal == entry.IsFinal && current.Comment == entry.Comment && details is null)
            {
                continue;
            }

            db.Entry(current).Property(m => m.Version).OriginalValue = current.Version;
            db.MeasurementRevisions.Add(Revision(indicator.Id, entry.Period, MeasurementChange.Corrected, current.Total, total, current.IsFinal, entry.IsFinal, details, entry.Comment, userName, now));
            current.Total = total;
            current.IsFinal = entry.IsFinal;
            current.Comment = entry.Comment;
            current.UpdatedByName = userName;
            current.UpdatedAtUtc = now;
            current.Values.RemoveAll(v => !entry.ByCategory.ContainsKey(v.CategoryId));
            foreach (var (categoryId, value) in entry.ByCategory)
            {
                var stored = current.Values.FirstOrDefault(v => v.CategoryId == categoryId);
                if (stored is null)
                {
                    current.Values.Add(new IndicatorValue { CategoryId = categoryId, Value = value });
                }
                else
                {
                    stored.Value = value;
                }
            }

            corrected++;
        }

        if (conflicts.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new MeasurementSaveResult(0, 0, 0, conflicts);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (!DatabaseBusy.IsStorageFault(exception))
        {
            // Someone saved the same periods at the same moment (a version or the unique period key refused this save): nothing of it was stored.
            db.ChangeTracker.Clear();
            return new MeasurementSaveResult(0, 0, 0, entries.Select(e => new MeasurementConflict(e.Period, null, null)).Take(1).ToList());
        }

        return new MeasurementSaveResult(entered, corrected, removed, []);
    }

    private static string? CategoryChanges(IReadOnlyList<IndicatorCategory> categories, IndicatorMeasurement current, MeasurementEntry entry)
    {
        var changes = new List<string>();
        foreach (var category in categories)
        {
            var old = current.Values.FirstOrDefault(v => v.CategoryId == category.Id)?.Value;
            decimal? now = entry.ByCategory.TryGetValue(category.Id, out var value) ? value : null;
            if (old != now)
            {
                changes.Add($"{category.Name}: {Text(old)} → {Text(now)}");
            }
        }

        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    private static string Text(decimal? value) => value is { } v ? IndicatorFormat.Number(v) : "–";

    private static MeasurementRevision Revision(int indicatorId, PlannedTiming period, MeasurementChange change, decimal? oldTotal, decimal? newTotal, bool? oldFinal, bool? newFinal, string? details, string? comment, string userName, DateTime now) => new()
    {
        IndicatorId = indicatorId,
        Period = IndicatorPeriods.Copy(period),
        Change = change,
        OldTotal = oldTotal,
        NewTotal = newTotal,
        OldIsFinal = oldFinal,
        NewIsFinal = newFinal,
        Details = details?.Length > 4000 ? details[..4000] : details,
        Comment = comment,
        ChangedByName = userName,
        ChangedAtUtc = now,
    };
}
