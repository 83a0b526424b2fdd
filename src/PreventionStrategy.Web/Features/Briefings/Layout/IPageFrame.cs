using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>What every page carries around its body: drawn after layout, when the page count is known.</summary>
public interface IPageFrame
{
    void Draw(SKCanvas canvas, PageGeometry geometry, int pageNumber, int pageCount);
}
