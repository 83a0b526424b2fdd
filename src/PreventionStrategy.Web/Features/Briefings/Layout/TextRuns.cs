using System.Globalization;
using System.Text;
using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// Splits a line into runs of one font each: the style's own font where it has the glyphs, else the
/// first fallback font that has them (Arabic, Hebrew), else a visible marker ("[emoji]", "[U+4E2D]")
/// drawn in the own font, so no character becomes an empty box (PDF/A forbids drawing .notdef) and
/// the text still says something was there. The runs are shaped by <see cref="TextShaper"/> and placed
/// by <see cref="ShapedLine"/>.
/// </summary>
public static class TextRuns
{
    public static IReadOnlyList<TextRun> Split(string text, SKFont primary, IReadOnlyList<SKFont> fallbacks)
    {
        if (!NeedsFallback(text, primary))
        {
            return [new TextRun(text, primary, false)];
        }

        var elements = new List<(string Text, SKFont Font, bool RightToLeft)>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var rightToLeft = IsRightToLeft(element);
            if (!rightToLeft && primary.ContainsGlyphs(element))
            {
                elements.Add((element, primary, false));
            }
            else if (fallbacks.FirstOrDefault(f => f.ContainsGlyphs(element)) is { } fallback)
            {
                elements.Add((element, fallback, rightToLeft));
            }
            else
            {
                elements.Add((Marker(element), primary, false));
            }
        }

        // A space between two right-to-left words belongs to them, so the words stand right to left too.
        for (var i = 1; i < elements.Count - 1; i++)
        {
            if (string.IsNullOrWhiteSpace(elements[i].Text))
            {
                var next = elements.Skip(i + 1).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e.Text));
                if (elements[i - 1].RightToLeft && next.RightToLeft && next.Font == elements[i - 1].Font && next.Font.ContainsGlyphs(elements[i].Text))
                {
                    elements[i] = (elements[i].Text, next.Font, true);
                }
            }
        }

        var runs = new List<TextRun>();
        foreach (var element in elements)
        {
            if (runs.Count > 0 && runs[^1].Font == element.Font && runs[^1].RightToLeft == element.RightToLeft)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + element.Text };
            }
            else
            {
                runs.Add(new TextRun(element.Text, element.Font, element.RightToLeft));
            }
        }

        return runs;
    }

    /// <summary>The text with every character the font cannot draw replaced by its marker, for labels drawn elsewhere (charts).</summary>
    public static string WithMarkers(string text, SKFont font)
    {
        if (font.ContainsGlyphs(text))
        {
            return text;
        }

        var result = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            result.Append(font.ContainsGlyphs(element) ? element : Marker(element));
        }

        return result.ToString();
    }

    private static bool NeedsFallback(string text, SKFont primary) =>
        text.Any(c => c >= 0x0590) && (!primary.ContainsGlyphs(text) || IsRightToLeft(text));

    private static bool IsRightToLeft(string text) => text.EnumerateRunes().Any(r => r.Value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF));

    private static string Marker(string element)
    {
        var rune = element.EnumerateRunes().First();
        var emoji = rune.Value >= 0x1F000 || rune.Value is >= 0x2600 and <= 0x27BF || element.Contains('\uFE0F', StringComparison.Ordinal);
        return emoji ? "[emoji]" : string.Create(CultureInfo.InvariantCulture, $"[U+{rune.Value:X4}]");
    }
}

/// <summary>Text drawn in one font and one direction.</summary>
public sealed record TextRun(string Text, SKFont Font, bool RightToLeft);
