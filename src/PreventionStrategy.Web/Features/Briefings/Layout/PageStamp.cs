using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// A word stamped diagonally across the middle of every page ("UDKAST" on a draft). It is real text,
/// so it is found when the file is searched or its text copied, not only seen.
/// </summary>
public sealed class PageStamp(string text, TextStyle style)
{
    public void Draw(SKCanvas canvas, PageGeometry geometry)
    {
        canvas.Save();
        canvas.Translate(geometry.Width / 2, geometry.Height / 2);
        canvas.RotateDegrees(-35);
        style.DrawLine(canvas, text, -style.Measure(text) / 2, -style.LineHeight / 2);
        canvas.Restore();
    }
}
