using ScottPlot;
using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// A ScottPlot plot of a fixed height, drawn straight onto the page's canvas: on a PDF page that
/// keeps every bar and label vector (and the labels real text), never a bitmap. Kept whole on one page.
/// </summary>
public sealed class Chart(float height, Func<float, float, Plot> createPlot) : IElement
{
    public LayoutSlice Layout(float width, float availableHeight, bool pageIsEmpty)
    {
        if (height > availableHeight && !pageIsEmpty)
        {
            return LayoutSlice.NextPage(this);
        }

        var drawnHeight = Math.Min(height, availableHeight);
        return LayoutSlice.Done(new Fragment(drawnHeight, (canvas, at) => Draw(canvas, at, width, drawnHeight)));
    }

    private void Draw(SKCanvas canvas, SKPoint at, float width, float drawnHeight)
    {
        using var plot = createPlot(width, drawnHeight);
        canvas.Save();
        canvas.Translate(at.X, at.Y);
        canvas.ClipRect(new SKRect(0, 0, width, drawnHeight));
        plot.Render(canvas, new PixelRect(0, width, drawnHeight, 0));
        canvas.Restore();
    }
}
