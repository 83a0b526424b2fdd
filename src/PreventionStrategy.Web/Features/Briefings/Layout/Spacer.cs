namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>Vertical space. At the foot of a page it shrinks to what is left rather than pushing a blank line onto the next page.</summary>
public sealed class Spacer(float height) : IElement
{
    public LayoutSlice Layout(float width, float availableHeight, bool pageIsEmpty) =>
        LayoutSlice.Done(new Fragment(Math.Max(0, Math.Min(height, availableHeight)), (_, _) => { }));
}
