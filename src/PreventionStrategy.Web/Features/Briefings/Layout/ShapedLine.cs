using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// One line of shaped runs placed for a left-to-right (Danish) paragraph. Bidi is applied at run level:
/// right-to-left runs that follow each other, with only spaces, punctuation or numbers between them, stand
/// in reverse order ("Tolk: [Arabic] [Hebrew]" puts the Hebrew left of the Arabic, as a reader of either expects);
/// numbers among them keep reading left to right. Runs are drawn in the order written, each at its place.
/// </summary>
public sealed class ShapedLine
{
    private readonly ShapedRun[] runs;
    private readonly float[] lefts;

    private ShapedLine(ShapedRun[] runs, float[] lefts, float width)
    {
        this.runs = runs;
        this.lefts = lefts;
        Width = width;
    }

    public float Width { get; }

    public static ShapedLine Create(IReadOnlyList<TextRun> textRuns)
    {
        var shaped = textRuns.Select(TextShaper.Shape).ToArray();
        var lefts = new float[shaped.Length];
        var x = 0f;
        foreach (var index in VisualOrder(textRuns))
        {
            lefts[index] = x;
            x += shaped[index].Width;
        }

        return new ShapedLine(shaped, lefts, x);
    }

    public void Draw(SKCanvas canvas, float x, float baseline, SKPaint paint)
    {
        using var builder = new SKTextBlobBuilder();
        var any = false;
        for (var r = 0; r < runs.Length; r++)
        {
            var run = runs[r];
            if (run.Glyphs.Length == 0)
            {
                continue;
            }

            any = true;
            if (run.Utf8 is { } utf8 && run.Clusters is { } clusters)
            {
                var buffer = builder.AllocatePositionedTextRun(run.Run.Font, run.Glyphs.Length, utf8.Length, null);
                run.Glyphs.CopyTo(buffer.Glyphs);
                utf8.CopyTo(buffer.Text);
                clusters.CopyTo(buffer.Clusters);
                var positions = buffer.Positions;
                for (var i = 0; i < run.Points.Length; i++)
                {
                    positions[i] = new SKPoint(run.Points[i].X + lefts[r], run.Points[i].Y);
                }
            }
            else
            {
                builder.AddPositionedRun(run.Glyphs, run.Run.Font, run.Points.Select(p => new SKPoint(p.X + lefts[r], p.Y)).ToArray());
            }
        }

        if (any)
        {
            using var blob = builder.Build();
            canvas.DrawText(blob, x, baseline, paint);
        }
    }

    /// <summary>The runs' indices from left to right.</summary>
    internal static int[] VisualOrder(IReadOnlyList<TextRun> runs)
    {
        var order = Enumerable.Range(0, runs.Count).ToArray();
        var start = 0;
        while (start < runs.Count)
        {
            if (!runs[start].RightToLeft)
            {
                start++;
                continue;
            }

            var end = start;
            for (var next = start + 1; next < runs.Count; next++)
            {
                if (runs[next].RightToLeft)
                {
                    end = next;
                }
                else if (!IsNeutralOrNumber(runs[next].Text))
                {
                    break;
                }
            }

            Array.Reverse(order, start, end - start + 1);
            start = end + 1;
        }

        return order;
    }

    private static bool IsNeutralOrNumber(string text) =>
        text.All(c => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsDigit(c));
}
