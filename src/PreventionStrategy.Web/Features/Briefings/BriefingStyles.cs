using PreventionStrategy.Web.Features.Briefings.Layout;
using PreventionStrategy.Web.Features.Milestones;
using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The briefing's look in one place: type sizes, colours and table style. Fonts are created per
/// document (see <see cref="TextStyle"/>), so the styles are disposed with it.
/// </summary>
public sealed class BriefingStyles : IDisposable
{
    public static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    public static readonly SKColor Muted = new(0x5C, 0x5C, 0x5C);
    public static readonly SKColor Accent = new(0x00, 0x4A, 0x8F);
    public static readonly SKColor Rule = new(0xC4, 0xC9, 0xCF);
    public static readonly SKColor HeaderFill = new(0xE8, 0xEE, 0xF5);
    public static readonly SKColor Stripe = new(0xF6, 0xF7, 0xF9);

    private readonly List<TextStyle> owned = [];

    public BriefingStyles()
    {
        Title = Own(new TextStyle(BriefingFonts.SemiBold, 26, Accent, 1.2f, BriefingFonts.Fallbacks));
        Subtitle = Own(new TextStyle(BriefingFonts.Regular, 15, Ink, 1.3f, BriefingFonts.Fallbacks));
        Heading1 = Own(new TextStyle(BriefingFonts.SemiBold, 16, Accent, 1.3f, BriefingFonts.Fallbacks));
        Heading2 = Own(new TextStyle(BriefingFonts.SemiBold, 12, Ink, 1.3f, BriefingFonts.Fallbacks));
        Body = Own(new TextStyle(BriefingFonts.Regular, 10, Ink, 1.45f, BriefingFonts.Fallbacks));
        BodyStrong = Own(new TextStyle(BriefingFonts.SemiBold, 10, Ink, 1.45f, BriefingFonts.Fallbacks));
        Statement = Own(new TextStyle(BriefingFonts.Italic, 10.5f, Ink, 1.5f, BriefingFonts.Fallbacks));
        Note = Own(new TextStyle(BriefingFonts.Regular, 8.5f, Muted, 1.4f, BriefingFonts.Fallbacks));
        Cell = Own(new TextStyle(BriefingFonts.Regular, 8.5f, Ink, 1.3f, BriefingFonts.Fallbacks));
        CellStrong = Own(new TextStyle(BriefingFonts.SemiBold, 8.5f, Ink, 1.3f, BriefingFonts.Fallbacks));
        CellHeader = Own(new TextStyle(BriefingFonts.SemiBold, 8, Accent, 1.3f, BriefingFonts.Fallbacks));
        Frame = Own(new TextStyle(BriefingFonts.Regular, 8, Muted, 1.3f, BriefingFonts.Fallbacks));
        Stamp = Own(new TextStyle(BriefingFonts.SemiBold, 96, new SKColor(0xC6, 0x28, 0x28, 0x38), 1f, BriefingFonts.Fallbacks));
        Table = new TableStyle(CellHeader, Cell, HeaderFill, Rule, Stripe);
        Facts = new TableStyle(CellHeader, Body, HeaderFill, Rule, null, PaddingX: 0, PaddingY: 3);
    }

    public TextStyle Title { get; }

    public TextStyle Subtitle { get; }

    public TextStyle Heading1 { get; }

    public TextStyle Heading2 { get; }

    public TextStyle Body { get; }

    public TextStyle BodyStrong { get; }

    public TextStyle Statement { get; }

    public TextStyle Note { get; }

    public TextStyle Cell { get; }

    public TextStyle CellStrong { get; }

    public TextStyle CellHeader { get; }

    public TextStyle Frame { get; }

    /// <summary>The "UDKAST" stamp across a draft's pages: large, red and faint, so the page stays readable.</summary>
    public TextStyle Stamp { get; }

    public TableStyle Table { get; }

    /// <summary>Key/value facts: body size, no stripes, flush with the text column.</summary>
    public TableStyle Facts { get; }

    /// <summary>Status colours read as traffic lights, and stay apart in greyscale print by lightness.</summary>
    public static SKColor StatusColor(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Planned => new SKColor(0x8A, 0x9B, 0xAE),
        MilestoneStatus.InProgress => new SKColor(0x1F, 0x6F, 0xC5),
        MilestoneStatus.AtRisk => new SKColor(0xE0, 0x9B, 0x00),
        MilestoneStatus.Delayed => new SKColor(0xC6, 0x28, 0x28),
        MilestoneStatus.Done => new SKColor(0x2E, 0x7D, 0x32),
        _ => new SKColor(0xB0, 0xB0, 0xB0),
    };

    /// <summary>The briefing's states: the status colours, and a darker red for overdue (past its expected date).</summary>
    public static SKColor StateColor(BriefingState state) => state switch
    {
        BriefingState.Planned => StatusColor(MilestoneStatus.Planned),
        BriefingState.InProgress => StatusColor(MilestoneStatus.InProgress),
        BriefingState.AtRisk => StatusColor(MilestoneStatus.AtRisk),
        BriefingState.Delayed => StatusColor(MilestoneStatus.Delayed),
        BriefingState.Overdue => new SKColor(0x6D, 0x0F, 0x1A),
        BriefingState.Done => StatusColor(MilestoneStatus.Done),
        _ => StatusColor(MilestoneStatus.Cancelled),
    };

    public void Dispose()
    {
        foreach (var style in owned)
        {
            style.Dispose();
        }
    }

    private TextStyle Own(TextStyle style)
    {
        owned.Add(style);
        return style;
    }
}
