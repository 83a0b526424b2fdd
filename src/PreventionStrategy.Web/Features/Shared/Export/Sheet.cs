using System.Globalization;

namespace PreventionStrategy.Web.Features.Shared.Export;

/// <summary>
/// A table to download: one header row and rows of cells. Each cell carries both the text the site
/// shows ("13. december 2024", for CSV) and its typed value (a date, for Excel), so the two files
/// hold the same rows and read the same.
/// </summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<SheetCell>> Rows, SheetFormats Formats);

/// <summary>The .NET date patterns the text cells were written with, so Excel can show its date cells the same way.</summary>
public sealed record SheetFormats(CultureInfo Culture, string DatePattern, string DateTimePattern);

public enum CellKind
{
    Text,
    Number,
    Date,
    DateTime,
}

/// <summary>One cell: <see cref="Text"/> as shown; <see cref="Value"/> the number, or the date as an Excel serial (days since 30 December 1899).</summary>
public readonly record struct SheetCell(CellKind Kind, string Text, double Value)
{
    public static readonly SheetCell Empty = new(CellKind.Text, string.Empty, 0);

    public bool IsEmpty => Text.Length == 0;

    public static SheetCell Of(string? text) => string.IsNullOrEmpty(text) ? Empty : new(CellKind.Text, text, 0);

    public static SheetCell Of(int number) => new(CellKind.Number, number.ToString(CultureInfo.InvariantCulture), number);

    public static SheetCell Of(DateOnly? date, string text) =>
        date is { } day ? new(CellKind.Date, text, day.ToDateTime(TimeOnly.MinValue).ToOADate()) : Empty;

    /// <summary>A moment in the reader's time zone (Danish time), not UTC: a spreadsheet has no zones.</summary>
    public static SheetCell Of(DateTime? local, string text) =>
        local is { } moment ? new(CellKind.DateTime, text, DateTime.SpecifyKind(moment, DateTimeKind.Unspecified).ToOADate()) : Empty;
}
