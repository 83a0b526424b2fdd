using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// A body laid out into pages first, then drawn: the two passes that let every footer say
/// "Side X af Y". The same pages draw onto a PDF page or a raster surface.
/// </summary>
public sealed class PagedDocument
{
    private readonly IReadOnlyList<Fragment> pages;

    public PagedDocument(PageGeometry geometry, IPageFrame frame, IElement body)
    {
        Geometry = geometry;
        Frame = frame;
        pages = Paginate(geometry.BodyBox, body);
    }

    public PageGeometry Geometry { get; }

    public IPageFrame Frame { get; }

    public int PageCount => pages.Count;

    public void DrawPage(SKCanvas canvas, int index)
    {
        pages[index].Draw(canvas, new SKPoint(Geometry.BodyBox.Left, Geometry.BodyBox.Top));
        Frame.Draw(canvas, Geometry, index + 1, pages.Count);
    }

    private static List<Fragment> Paginate(SKRect box, IElement body)
    {
        var result = new List<Fragment>();
        IElement? pending = body;
        while (pending is not null)
        {
            var slice = pending.Layout(box.Width, box.Height, pageIsEmpty: true);
            if (slice.Placed is null)
            {
                throw new InvalidOperationException($"{pending.GetType().Name} placed nothing on an empty page; the document would never end.");
            }

            result.Add(slice.Placed);
            pending = slice.Rest;
        }

        return result;
    }
}
