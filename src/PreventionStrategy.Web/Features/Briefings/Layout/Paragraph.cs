using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>Wrapped text; headings are paragraphs in a heading style. It splits between lines across pages.</summary>
public sealed class Paragraph : IElement
{
    private readonly string text;
    private readonly TextStyle style;
    private readonly TextAlign align;
    private IReadOnlyList<string>? lines;
    private float wrappedFor = -1;

    public Paragraph(string text, TextStyle style, TextAlign align = TextAlign.Left)
    {
        this.text = text;
        this.style = style;
        this.align = align;
    }

    private Paragraph(IReadOnlyList<string> lines, float width, TextStyle style, TextAlign align)
        : this(string.Join(' ', lines), style, align)
    {
        this.lines = lines;
        wrappedFor = width;
    }

    public LayoutSlice Layout(float width, float availableHeight, bool pageIsEmpty)
    {
        if (lines is null || wrappedFor != width)
        {
            lines = TextWrapper.Wrap(text, style, width);
            wrappedFor = width;
        }

        var fitting = Math.Min(lines.Count, (int)Math.Floor((availableHeight + 0.01f) / style.LineHeight));
        if (fitting == 0)
        {
            if (!pageIsEmpty)
            {
                return LayoutSlice.NextPage(this);
            }

            fitting = 1;
        }

        var placed = lines.Take(fitting).ToArray();
        var fragment = new Fragment(placed.Length * style.LineHeight, (canvas, at) => Draw(canvas, at, placed, width));
        return fitting == lines.Count
            ? LayoutSlice.Done(fragment)
            : new LayoutSlice(fragment, new Paragraph(lines.Skip(fitting).ToArray(), width, style, align));
    }

    private void Draw(SKCanvas canvas, SKPoint at, string[] placed, float width)
    {
        for (var i = 0; i < placed.Length; i++)
        {
            var offset = align switch
            {
                TextAlign.Right => width - style.Measure(placed[i]),
                TextAlign.Center => (width - style.Measure(placed[i])) / 2,
                _ => 0,
            };
            style.DrawLine(canvas, placed[i], at.X + offset, at.Y + (i * style.LineHeight));
        }
    }
}
