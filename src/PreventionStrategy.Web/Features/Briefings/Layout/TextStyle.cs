using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// How a run of text looks. It owns its <see cref="SKFont"/> so measuring and drawing use exactly
/// the same metrics; a style belongs to one document generation, so no font is shared across threads.
/// </summary>
public sealed class TextStyle : IDisposable
{
    private readonly IReadOnlyList<SKFont> fallbacks;
    private readonly Dictionary<string, ShapedLine> shapedLines = new(StringComparer.Ordinal);

    /// <param name="fallbacks">Fonts for what <paramref name="typeface"/> lacks (other scripts), in order of preference.</param>
    public TextStyle(SKTypeface typeface, float size, SKColor color, float lineSpacing = 1.35f, IReadOnlyList<SKTypeface>? fallbacks = null)
    {
        // No hinting and linear metrics: advances are the font's own, not rounded to whole points, so letters
        // sit where the type designer put them ("Forebyggende", not "Forebyggend e") and layout does not depend on the size.
        Font = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None, LinearMetrics = true };
        Paint = new SKPaint { Color = color, IsAntialias = true };
        this.fallbacks = (fallbacks ?? []).Select(f => new SKFont(f, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None, LinearMetrics = true }).ToList();
        Size = size;
        Color = color;
        LineHeight = size * lineSpacing;

        // Centre the glyphs in the line box so a row of cells lines up however tall the line is.
        var metrics = Font.Metrics;
        var glyphHeight = metrics.Descent - metrics.Ascent;
        Baseline = ((LineHeight - glyphHeight) / 2) - metrics.Ascent;
    }

    public SKFont Font { get; }

    public SKPaint Paint { get; }

    public float Size { get; }

    public SKColor Color { get; }

    public float LineHeight { get; }

    /// <summary>Distance from the top of a line box to the text baseline.</summary>
    public float Baseline { get; }

    public float Measure(string text) => Shape(text).Width;

    public void DrawLine(SKCanvas canvas, string text, float x, float lineTop) => Shape(text).Draw(canvas, x, lineTop + Baseline, Paint);

    // A line is measured to wrap it, again to align it, and once more to draw it; shaping it once saves two thirds.
    // Bounded, since wrapping measures many candidate lines that are never drawn.
    private ShapedLine Shape(string text)
    {
        if (shapedLines.TryGetValue(text, out var line))
        {
            return line;
        }

        if (shapedLines.Count >= 4096)
        {
            shapedLines.Clear();
        }

        line = ShapedLine.Create(TextRuns.Split(text, Font, fallbacks));
        shapedLines[text] = line;
        return line;
    }

    public void Dispose()
    {
        foreach (var fallback in fallbacks)
        {
            fallback.Dispose();
        }

        Font.Dispose();
        Paint.Dispose();
    }
}

public enum TextAlign
{
    Left,
    Right,
    Center,
}
