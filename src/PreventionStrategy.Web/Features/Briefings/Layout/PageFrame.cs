using System.Globalization;
using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// A running header (left and right text over a rule) and footer (left text, and the page number
/// as <c>pageFormat</c>, e.g. "Side {0} af {1}", under a rule).
/// </summary>
public sealed class PageFrame(string headerLeft, string headerRight, string footerLeft, string pageFormat, TextStyle text, SKColor ruleColor, PageStamp? stamp = null) : IPageFrame
{
    public void Draw(SKCanvas canvas, PageGeometry geometry, int pageNumber, int pageCount)
    {
        stamp?.Draw(canvas, geometry);

        using var rule = new SKPaint { Color = ruleColor, StrokeWidth = 0.6f, IsAntialias = true };

        var header = geometry.HeaderBox;
        var headerLine = header.Top;
        DrawTwoSided(canvas, header, headerLine, headerLeft, headerRight);
        var headerRule = headerLine + text.LineHeight + 3;
        canvas.DrawLine(header.Left, headerRule, header.Right, headerRule, rule);

        var footer = geometry.FooterBox;
        var footerLine = footer.Bottom - text.LineHeight;
        canvas.DrawLine(footer.Left, footerLine - 3, footer.Right, footerLine - 3, rule);
        var page = string.Format(CultureInfo.InvariantCulture, pageFormat, pageNumber, pageCount);
        DrawTwoSided(canvas, footer, footerLine, footerLeft, page);
    }

    private void DrawTwoSided(SKCanvas canvas, SKRect box, float lineTop, string left, string right)
    {
        var rightWidth = text.Measure(right);
        var leftText = Shorten(left, box.Width - rightWidth - 12);
        text.DrawLine(canvas, leftText, box.Left, lineTop);
        text.DrawLine(canvas, right, box.Right - rightWidth, lineTop);
    }

    // A header has one line; a long strategy name is cut with an ellipsis rather than running into the right-hand text.
    private string Shorten(string value, float width)
    {
        if (text.Measure(value) <= width)
        {
            return value;
        }

        var length = value.Length;
        while (length > 1 && text.Measure(value[..length] + "…") > width)
        {
            length--;
        }

        return value[..length].TrimEnd() + "…";
    }
}
