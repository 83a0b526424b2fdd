namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>Starts a new page, unless the page is still empty (two breaks in a row give no blank page).</summary>
public sealed class PageBreak : IElement
{
    public LayoutSlice Layout(float width, float availableHeight, bool pageIsEmpty) =>
        pageIsEmpty ? LayoutSlice.Done(Fragment.Empty) : LayoutSlice.NextPage(this);
}
