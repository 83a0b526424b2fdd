using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>Renders each page of a paged document to a PNG at a given resolution, for previews in a browser.</summary>
public static class PngOutput
{
    public static IReadOnlyList<byte[]> Render(PagedDocument document, int dpi)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 18);
        var scale = dpi / 72f;
        var info = new SKImageInfo(
            (int)Math.Round(document.Geometry.Width * scale),
            (int)Math.Round(document.Geometry.Height * scale),
            SKColorType.Rgba8888,
            SKAlphaType.Premul);

        var images = new List<byte[]>(document.PageCount);
        for (var i = 0; i < document.PageCount; i++)
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
