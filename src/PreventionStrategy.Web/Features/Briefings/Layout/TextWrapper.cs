namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// Breaks text into lines that fit a width, at spaces; a word wider than the line (a long URL,
/// a compound Danish noun in a narrow column) is broken between characters rather than overflowing.
/// </summary>
public static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, style, width, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, TextStyle style, float width, List<string> lines)
    {
        var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            lines.Add(string.Empty);
            return;
        }

        var current = string.Empty;
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (style.Measure(candidate) <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (current.Length > 1 && style.Measure(current) > width)
            {
                var fits = LongestFittingPrefix(current, style, width);
                lines.Add(current[..fits]);
                current = current[fits..];
            }
        }

        lines.Add(current);
    }

    private static int LongestFittingPrefix(string word, TextStyle style, float width)
    {
        var low = 1;
        var high = word.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (style.Measure(word[..middle]) <= width)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
