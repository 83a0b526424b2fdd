using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// Children stacked top to bottom, continued on the next page where one does not fit.
/// A section (<see cref="Section"/>) never ends a page with only its heading and introduction:
/// unless something of its last child fits too, the whole section starts on the next page.
/// </summary>
public sealed class Column : IElement
{
    private readonly IReadOnlyList<IElement> children;
    private readonly int keepLeading;

    /// <param name="keepLeading">How many leading children may not be left at the foot of a page without the child after them.</param>
    public Column(IEnumerable<IElement> children, int keepLeading = 0)
    {
        this.children = children.ToArray();
        this.keepLeading = Math.Min(keepLeading, this.children.Count - 1);
    }

    public Column(params IElement[] children)
        : this((IEnumerable<IElement>)children)
    {
    }

    /// <summary>A heading and introduction kept together with the start of their last element (a table, a chart).</summary>
    public static Column Section(IElement heading, params IElement[] content) => new([heading, .. content], keepLeading: content.Length);

    public LayoutSlice Layout(float width, float availableHeight, bool pageIsEmpty)
    {
        var placed = new List<(float Top, Fragment Fragment)>();
        var top = 0f;
        for (var i = 0; i < children.Count; i++)
        {
            var slice = children[i].Layout(width, availableHeight - top, pageIsEmpty && top == 0);
            if (slice.Placed is { } fragment)
            {
                placed.Add((top, fragment));
                top += fragment.Height;
            }

            if (slice.Rest is null)
            {
                continue;
            }

            var orphanedHeading = i > 0 && i <= keepLeading && slice.Placed is null && !pageIsEmpty;
            if (placed.Count == 0 || orphanedHeading)
            {
                return LayoutSlice.NextPage(this);
            }

            return new LayoutSlice(Combine(placed, top), new Column([slice.Rest, .. children.Skip(i + 1)]));
        }

        return LayoutSlice.Done(Combine(placed, top));
    }

    private static Fragment Combine(List<(float Top, Fragment Fragment)> placed, float height) =>
        new(height, (canvas, at) =>
        {
            foreach (var (top, fragment) in placed)
            {
                fragment.Draw(canvas, new SKPoint(at.X, at.Y + top));
            }
        });
}
