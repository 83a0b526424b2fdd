using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// How a run of text looks. It owns its <see cref="SKFont"/> so measuring and drawing use exactly
/// the same metrics; a style belongs to one document generation, so no font is shared across threads.
/// </summary>
public sealed class TextStyle : IDisposable
{
    public TextStyle(SKTypeface typeface, float size, SKColor color, float lineSpacing = 1.35f)
    {
        // No hinting and linear metrics: advances are the font's own, not rounded to whole points, so letters
        // sit where the type designer put them ("Forebyggende", not "Forebyggend e") and layout does not depend on the size.
        Font = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None, LinearMetrics = true };
        Paint = new SKPaint { Color = color, IsAntialias = true };
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

    public float Measure(string text) => Font.MeasureText(text);

    public void DrawLine(SKCanvas canvas, string text, float x, float lineTop) =>
        canvas.DrawText(text, x, lineTop + Baseline, SKTextAlign.Left, Font, Paint);

    public void Dispose()
    {
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
