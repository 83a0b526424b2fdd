using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// One part of a document that can place itself into the room left on a page. Layout never draws:
/// it returns what fits now (a <see cref="Fragment"/>) and what must continue on the next page, so
/// pages can be counted before anything is drawn ("Side 1 af N").
/// </summary>
public interface IElement
{
    /// <param name="width">The width of the area, in points.</param>
    /// <param name="availableHeight">The height left on the current page, in points.</param>
    /// <param name="pageIsEmpty">
    /// Nothing is on the page yet: an element must then place something, or the document would
    /// never end. This is where a table row taller than a page is split, as a last resort.
    /// </param>
    LayoutSlice Layout(float width, float availableHeight, bool pageIsEmpty);
}

/// <summary>
/// The outcome of laying out into one page's remaining area. <see cref="Placed"/> null means
/// "nothing of me fits here"; <see cref="Rest"/> null means "I am done".
/// </summary>
public readonly record struct LayoutSlice(Fragment? Placed, IElement? Rest)
{
    public static LayoutSlice Done(Fragment placed) => new(placed, null);

    public static LayoutSlice NextPage(IElement rest) => new(null, rest);
}

/// <summary>Laid-out content of a known height, drawn later with its top-left corner at the given point.</summary>
public sealed class Fragment(float height, Action<SKCanvas, SKPoint> draw)
{
    public static readonly Fragment Empty = new(0, (_, _) => { });

    public float Height { get; } = height;

    public void Draw(SKCanvas canvas, SKPoint topLeft) => draw(canvas, topLeft);
}
