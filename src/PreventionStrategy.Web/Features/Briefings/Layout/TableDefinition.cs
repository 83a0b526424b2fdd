using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>A column: header text, share of the table's width and alignment.</summary>
public sealed record TableColumn(string Header, float Weight, TextAlign Align = TextAlign.Left);

/// <summary>A cell's text, optionally in its own style and with a coloured marker (a status dot) before it.</summary>
public sealed record TableCell(string Text, TextStyle? Style = null, SKColor? Marker = null);

public sealed record TableRow(IReadOnlyList<TableCell> Cells);

/// <summary>How a table looks; kept apart from its content so every table in a document matches.</summary>
public sealed record TableStyle(
    TextStyle Header,
    TextStyle Body,
    SKColor HeaderBackground,
    SKColor RuleColor,
    SKColor? StripeBackground,
    float PaddingX = 5,
    float PaddingY = 4,
    float MarkerSize = 7);
