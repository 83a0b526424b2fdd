using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// A word-sized line of an indicator's recent totals, drawn on the server as SVG. Decorative
/// (aria-hidden): the figures it shows are beside it in words. Hidden small numbers are left out.
/// </summary>
public static class Sparkline
{
    public const int Width = 96;

    public const int Height = 24;

    public static IHtmlContent Draw(IReadOnlyList<IndicatorPoint> points, IndicatorUnit unit, bool seesSmallNumbers)
    {
        var shown = points.Where(p => !SmallNumbers.IsHidden(unit, p.Value, seesSmallNumbers)).ToList();
        if (shown.Count < 2)
        {
            return HtmlString.Empty;
        }

        var min = shown.Min(p => p.Value);
        var max = shown.Max(p => p.Value);
        var span = max == min ? 1 : max - min;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"sparkline\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" aria-hidden=\"true\" focusable=\"false\"><polyline points=\"");
        for (var i = 0; i < shown.Count; i++)
        {
            var x = 2 + ((Width - 4) * i / (double)(shown.Count - 1));
            var y = 2 + ((Height - 4) * (double)((max - shown[i].Value) / span));
            svg.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }

        var last = shown[^1];
        var lastY = 2 + ((Height - 4) * (double)((max - last.Value) / span));
        svg.Append(CultureInfo.InvariantCulture, $"\" /><circle cx=\"{Width - 2}\" cy=\"{lastY:0.#}\" r=\"2\" class=\"{(last.IsFinal ? "final" : "preliminary")}\" /></svg>");
        return new HtmlString(svg.ToString());
    }
}
