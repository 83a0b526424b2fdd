using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>Renders each page of a paged document to a PNG at a given resolution, for previews in a browser.</summary>
public static class PngOutput
{
    /// <param name="maxPages">Render only the first pages, so a long document's preview stays light.</param>
    public static IReadOnlyList<byte[]> Render(PagedDocument document, int dpi, int maxPages = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 18);
        var scale = dpi / 72f;
        var info = new SKImageInfo(
            (int)Math.Round(document.Geometry.Width * scale),
            (int)Math.Round(document.Geometry.Height * scale),
            SKColorType.Rgba8888,
            SKAlphaType.Premul);

        var count = Math.Min(document.PageCount, maxPages);
        var images = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Could not create a raster surface.");
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            document.DrawPage(canvas, i);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            images.Add(png.ToArray());
        }

        return images;
    }
}
