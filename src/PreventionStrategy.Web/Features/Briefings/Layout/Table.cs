using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// A table whose header row repeats on every page it spans. A row is kept together: it moves to
/// the next page whole, and is split between lines only when it is taller than an empty page.
/// </summary>
public sealed class Table : IElement
{
    private readonly IReadOnlyList<TableColumn> columns;
    private readonly IReadOnlyList<TableRow> rows;
    private readonly TableStyle style;
    private readonly bool showHeader;
    private MeasuredTable? measured;

    public Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, TableStyle style, bool showHeader = true)
    {
        if (rows.Any(r => r.Cells.Count != columns.Count))
        {
            throw new ArgumentException("Every row needs one cell per column.", nameof(rows));
        }

        this.columns = columns;
        this.rows = rows;
        this.style = style;
        this.showHeader = showHeader;
    }

    public LayoutSlice Layout(float width, float availableHeight, bool pageIsEmpty)
    {
        if (measured is null || measured.Width != width)
        {
            measured = Measure(width);
        }

        return measured.Layout(availableHeight, pageIsEmpty, this);
    }

    private MeasuredTable Measure(float width)
    {
        var widths = ColumnWidths(width);
        var lefts = new float[widths.Length];
        for (var i = 1; i < widths.Length; i++)
        {
            lefts[i] = lefts[i - 1] + widths[i - 1];
        }

        var geometry = new TableGeometry(width, lefts, widths, columns, style);
        var header = showHeader
            ? geometry.MeasureRow(new TableRow(columns.Select(c => new TableCell(c.Header, style.Header)).ToArray()), isHeader: true, index: -1)
            : null;
        var body = rows.Select((row, index) => geometry.MeasureRow(row, isHeader: false, index)).ToList();
        return new MeasuredTable(geometry, header, body);
    }

    // A column is never narrower than its longest word (and its marker), so a word that can fit is never
    // broken ("Gennemført" stays whole); the width comes from columns with room to spare, in proportion.
    // Only when the words cannot all fit side by side do the columns share out what there is.
    private float[] ColumnWidths(float width)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => width * c.Weight / total).ToArray();
        var minimum = columns.Select((_, i) => MinimumWidth(i)).ToArray();
        var needed = widths.Select((w, i) => Math.Max(0, minimum[i] - w)).Sum();
        if (needed <= 0)
        {
            return widths;
        }

        var spare = widths.Select((w, i) => Math.Max(0, w - minimum[i])).Sum();
        if (spare < needed)
        {
            var sum = minimum.Sum();
            return minimum.Select(m => width * m / sum).ToArray();
        }

        var share = needed / spare;
        return widths.Select((w, i) => w <= minimum[i] ? minimum[i] : w - ((w - minimum[i]) * share)).ToArray();
    }

    private float MinimumWidth(int column)
    {
        static float Longest(string text, TextStyle style) =>
            text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(style.Measure).DefaultIfEmpty(0).Max();

        var widest = showHeader ? Longest(columns[column].Header, style.Header) : 0;
        foreach (var row in rows)
        {
            var cell = row.Cells[column];
            widest = Math.Max(widest, Longest(cell.Text, cell.Style ?? style.Body) + (cell.Marker is null ? 0 : style.MarkerSize + 4));
        }

        // Half a point of slack keeps rounding in the measurement from breaking a word that exactly fits.
        return widest + (2 * style.PaddingX) + 0.5f;
    }

    private sealed record TableGeometry(float Width, float[] Lefts, float[] Widths, IReadOnlyList<TableColumn> Columns, TableStyle Style)
    {
        public MeasuredRow MeasureRow(TableRow row, bool isHeader, int index)
        {
            var cells = row.Cells.Select((cell, c) =>
            {
                var cellStyle = cell.Style ?? (isHeader ? Style.Header : Style.Body);
                var textWidth = Widths[c] - (2 * Style.PaddingX) - (cell.Marker is null ? 0 : Style.MarkerSize + 4);
                return new MeasuredCell(cell, cellStyle, TextWrapper.Wrap(cell.Text, cellStyle, Math.Max(textWidth, 1)));
            }).ToArray();
            return new MeasuredRow(cells, isHeader, index);
        }
    }

    private sealed record MeasuredCell(TableCell Cell, TextStyle Style, IReadOnlyList<string> Lines)
    {
        public float TextHeight => Lines.Count * Style.LineHeight;
    }

    private sealed record MeasuredRow(MeasuredCell[] Cells, bool IsHeader, int Index)
    {
        public float Height(TableStyle style) => Cells.Max(c => c.TextHeight) + (2 * style.PaddingY);

        /// <summary>The last resort for a row taller than a page: the lines that fit, and the rest for the next page.</summary>
        public (MeasuredRow Head, MeasuredRow Tail) Split(float maxHeight, TableStyle style)
        {
            var room = maxHeight - (2 * style.PaddingY);
            var head = Cells.Select(c => c with { Lines = c.Lines.Take(Math.Max(1, (int)Math.Floor(room / c.Style.LineHeight))).ToArray() }).ToArray();
            var tail = Cells.Select((c, i) => c with { Lines = c.Lines.Skip(head[i].Lines.Count).ToArray() }).ToArray();
            return (this with { Cells = head }, this with { Cells = tail });
        }
    }

    private sealed class MeasuredTable(TableGeometry geometry, MeasuredRow? header, List<MeasuredRow> body) : IElement
    {
        public float Width => geometry.Width;

        public LayoutSlice Layout(float width, float availableHeight, bool pageIsEmpty) => Layout(availableHeight, pageIsEmpty, this);

        public LayoutSlice Layout(float availableHeight, bool pageIsEmpty, IElement self)
        {
            var style = geometry.Style;
            var top = header?.Height(style) ?? 0;
            var placed = new List<MeasuredRow>();
            var next = 0;
            while (next < body.Count && top + body[next].Height(style) <= availableHeight + 0.01f)
            {
                placed.Add(body[next]);
                top += body[next].Height(style);
                next++;
            }

            List<MeasuredRow> remaining;
            if (placed.Count == 0 && body.Count > 0)
            {
                if (!pageIsEmpty)
                {
                    return LayoutSlice.NextPage(self);
                }

                var (head, tail) = body[0].Split(availableHeight - top, style);
                placed.Add(head);
                top += head.Height(style);
                remaining = [tail, .. body.Skip(1)];
            }
            else
            {
                remaining = body.GetRange(next, body.Count - next);
            }

            var drawn = placed.ToArray();
            var fragment = new Fragment(top, (canvas, at) => Draw(canvas, at, drawn));
            return remaining.Count == 0
                ? LayoutSlice.Done(fragment)
                : new LayoutSlice(fragment, new MeasuredTable(geometry, header, remaining));
        }

        private void Draw(SKCanvas canvas, SKPoint at, MeasuredRow[] drawn)
        {
            var style = geometry.Style;
            var y = at.Y;
            using var rule = new SKPaint { Color = style.RuleColor, StrokeWidth = 0.6f, IsAntialias = true };
            if (header is not null)
            {
                var height = header.Height(style);
                using var background = new SKPaint { Color = style.HeaderBackground };
                canvas.DrawRect(at.X, y, geometry.Width, height, background);
                DrawCells(canvas, header, at.X, y);
                y += height;
                canvas.DrawLine(at.X, y, at.X + geometry.Width, y, rule);
            }

            foreach (var row in drawn)
            {
                var height = row.Height(style);
                if (style.StripeBackground is { } stripe && row.Index % 2 == 1)
                {
                    using var background = new SKPaint { Color = stripe };
                    canvas.DrawRect(at.X, y, geometry.Width, height, background);
                }

                DrawCells(canvas, row, at.X, y);
                y += height;
                canvas.DrawLine(at.X, y, at.X + geometry.Width, y, rule);
            }
        }

        private void DrawCells(SKCanvas canvas, MeasuredRow row, float x, float y)
        {
            var style = geometry.Style;
            for (var c = 0; c < row.Cells.Length; c++)
            {
                var cell = row.Cells[c];
                var left = x + geometry.Lefts[c] + style.PaddingX;
                var textWidth = geometry.Widths[c] - (2 * style.PaddingX);
                if (cell.Cell.Marker is { } marker && cell.Lines.Count > 0)
                {
                    using var paint = new SKPaint { Color = marker, IsAntialias = true };
                    var centre = y + style.PaddingY + (cell.Style.LineHeight / 2);
                    canvas.DrawCircle(left + (style.MarkerSize / 2), centre, style.MarkerSize / 2, paint);
                    left += style.MarkerSize + 4;
                    textWidth -= style.MarkerSize + 4;
                }

                for (var l = 0; l < cell.Lines.Count; l++)
                {
                    var line = cell.Lines[l];
                    var offset = geometry.Columns[c].Align switch
                    {
                        TextAlign.Right => textWidth - cell.Style.Measure(line),
                        TextAlign.Center => (textWidth - cell.Style.Measure(line)) / 2,
                        _ => 0,
                    };
                    cell.Style.DrawLine(canvas, line, left + offset, y + style.PaddingY + (l * cell.Style.LineHeight));
                }
            }
        }
    }
}
