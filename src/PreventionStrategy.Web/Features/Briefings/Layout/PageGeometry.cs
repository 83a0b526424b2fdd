using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// Page size and margins in points (1/72 inch, the PDF unit). Header and footer sit inside the
/// margins, so nothing at all is drawn in the margin band a printer may clip.
/// </summary>
public sealed record PageGeometry(float Width, float Height, float Margin, float HeaderHeight, float FooterHeight)
{
    private const float PointsPerCentimetre = 72f / 2.54f;

    public static PageGeometry A4Portrait(float headerHeight, float footerHeight) =>
        new(595.28f, 841.89f, 2 * PointsPerCentimetre, headerHeight, footerHeight);

    public SKRect MarginBox => new(Margin, Margin, Width - Margin, Height - Margin);

    public SKRect HeaderBox => new(Margin, Margin, Width - Margin, Margin + HeaderHeight);

    public SKRect BodyBox => new(Margin, Margin + HeaderHeight, Width - Margin, Height - Margin - FooterHeight);

    public SKRect FooterBox => new(Margin, Height - Margin - FooterHeight, Width - Margin, Height - Margin);
}
