using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Features.Shared.Export;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// The milestone list as a sheet to download (CSV or Excel): every row the list's filters match,
/// not just one page, in the list's order, with each value written as the site shows it. Three SQL
/// commands whatever the number of rows: the strategy, the rows, and all their focus areas.
/// </summary>
public sealed class MilestoneExport(AppDbContext db, TimeProvider clock, Display show, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The sheet, or null when the filter names a strategy that does not exist.</summary>
    public async Task<Sheet?> SheetAsync(MilestoneFilter filter, CancellationToken cancellationToken = default)
    {
        var strategy = await CurrentStrategy.FindAsync(db, filter.StrategyId, cancellationToken);
        if (strategy is null)
        {
            return null;
        }

        filter.StrategyId = strategy.Id;
        var filtered = filter.Apply(db.Milestones.AsNoTracking(), clock.Today());
        var rows = await filter.Order(filtered)
            .Select(m => new ExportRow(
                m.Id,
                m.Title,
                m.Kind,
                m.Timing,
                m.Status,
                m.ProgressPercent,
                m.ForecastDate,
                m.Owner == null ? null : m.Owner.FullName,
                m.Location,
                m.LastStatusUpdateAtUtc))
            .ToListAsync(cancellationToken);

        // By the same filter rather than by a list of ids: one command however many rows match.
        var focusAreas = (await filtered
                .SelectMany(m => m.FocusAreas, (m, f) => new { MilestoneId = m.Id, f.SortOrder, f.Title })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.MilestoneId, f => (f.SortOrder, f.Title));

        var headers = new[]
        {
            localizer["Field.Title"].Value,
            localizer["Field.FocusAreas"].Value,
            localizer["Field.Kind"].Value,
            localizer["Field.Timing"].Value,
            localizer["Export.Start"].Value,
            localizer["Export.End"].Value,
            localizer["Field.Status"].Value,
            localizer["Field.ProgressPercent"].Value,
            localizer["Export.Forecast"].Value,
            localizer["Field.Owner"].Value,
            localizer["Field.Location"].Value,
            localizer["Export.LastUpdated"].Value,
        };
        var cells = rows.Select(r => Cells(r, focusAreas[r.Id])).ToList();
        var formats = new SheetFormats(CultureInfo.CurrentCulture, localizer["Format.LongDate"], localizer["Format.DateTime"]);
        return new Sheet(localizer["Milestones.Title"], headers, cells, formats);
    }

    /// <summary>"milepaele-2026-11-23.csv": the Danish day the file was made, so downloads on different days do not overwrite each other.</summary>
    public string FileName(string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{localizer["Export.FileName"]}-{clock.Today():yyyy-MM-dd}.{extension}");

    private IReadOnlyList<SheetCell> Cells(ExportRow row, IEnumerable<(int SortOrder, string Title)> focusAreas)
    {
        var updated = row.LastStatusUpdateAtUtc is { } utc ? DanishTime.FromUtc(utc) : (DateTime?)null;
        return
        [
            SheetCell.Of(row.Title),
            SheetCell.Of(string.Join(", ", focusAreas.OrderBy(f => f.SortOrder).Select(f => $"{f.SortOrder}. {f.Title}"))),
            SheetCell.Of(show.Enum(row.Kind)),
            SheetCell.Of(show.Timing(row.Timing)),
            SheetCell.Of(row.Timing.Start, show.Date(row.Timing.Start)),
            SheetCell.Of(row.Timing.End, show.Date(row.Timing.End)),
            SheetCell.Of(show.Enum(row.Status)),
            SheetCell.Of(row.ProgressPercent),
            SheetCell.Of(row.ForecastDate, show.Date(row.ForecastDate)),
            SheetCell.Of(row.OwnerName),
            SheetCell.Of(row.Location),
            SheetCell.Of(updated, updated is { } local ? show.DateTime(local) : string.Empty),
        ];
    }

    private sealed record ExportRow(
        int Id,
        string Title,
        MilestoneKind Kind,
        PlannedTiming Timing,
        MilestoneStatus Status,
        int ProgressPercent,
        DateOnly? ForecastDate,
        string? OwnerName,
        string? Location,
        DateTime? LastStatusUpdateAtUtc);
}
