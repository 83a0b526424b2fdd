using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// Gives every transparency group Skia writes (the form XObjects charts are drawn into) a blending colour space,
/// <c>/CS /DeviceRGB</c>, which PDF/A-2 asks of a transparency group; Skia writes them without one. Device RGB is
/// what everything in the briefing is drawn in, and the sRGB output intent characterises it. Done as an incremental
/// update (the changed objects appended, the original bytes untouched), like <see cref="PdfLanguage"/>.
/// </summary>
public static partial class PdfTransparencyGroups
{
    public static byte[] Apply(byte[] pdf)
    {
        // Latin-1 maps every byte to one char, so offsets in the text are offsets in the file.
        var text = Encoding.Latin1.GetString(pdf);
        var xrefAt = StartXref().Matches(text) is { Count: > 0 } starts
            ? int.Parse(starts[^1].Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The PDF has no startxref.");
        var xref = XrefSection().Match(text, xrefAt);
        if (!xref.Success)
        {
            throw new InvalidOperationException("The cross-reference table is not a single classic section, as Skia writes it.");
        }

        var count = int.Parse(xref.Groups[1].Value, CultureInfo.InvariantCulture);
        var changed = new List<(int Number, string Text)>();
        foreach (var (entry, number) in XrefEntry().Matches(text, xref.Index + xref.Length).Take(count).Select((e, n) => (e, n)))
        {
            if (entry.Groups[3].Value != "n")
            {
                continue;
            }

            var offset = int.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture);
            var end = text.IndexOf("endobj", offset, StringComparison.Ordinal) + "endobj".Length;
            var chunk = text[offset..end];
            var streamAt = chunk.IndexOf("stream", StringComparison.Ordinal);
            var head = streamAt < 0 ? chunk : chunk[..streamAt];
            var group = Group().Match(head);
            if (group.Success && group.Groups[1].Value.Contains("/Transparency", StringComparison.Ordinal) && !group.Groups[1].Value.Contains("/CS", StringComparison.Ordinal))
            {
                var fixedHead = head[..(group.Groups[1].Index + group.Groups[1].Length)] + "\n/CS /DeviceRGB" + head[(group.Groups[1].Index + group.Groups[1].Length)..];
                changed.Add((number, fixedHead + chunk[head.Length..]));
            }
        }

        if (changed.Count == 0)
        {
            return pdf;
        }

        var trailer = Trailer().Matches(text) is { Count: > 0 } trailers
            ? trailers[^1].Groups[1].Value
            : throw new InvalidOperationException("The PDF has no classic trailer.");
        var update = new StringBuilder("\n");
        var offsets = new List<(int Number, long Offset)>();
        foreach (var (number, chunk) in changed)
        {
            offsets.Add((number, pdf.Length + update.Length));
            update.Append(chunk).Append('\n');
        }

        var newXref = pdf.Length + update.Length;
        update.Append("xref\n");
        foreach (var (number, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n\r\n");
        }

        var newTrailer = Prev().Replace(trailer.TrimEnd(), string.Empty);
        newTrailer = newTrailer[..^2] + string.Create(CultureInfo.InvariantCulture, $"\n/Prev {xrefAt}>>");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n{newTrailer}\nstartxref\n{newXref}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Gxref\s+0\s+(\d+)\s+")]
    private static partial Regex XrefSection();

    [GeneratedRegex(@"(\d{10}) (\d{5}) ([nf])")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"/Group\s*<<([^<>]*)>>")]
    private static partial Regex Group();

    [GeneratedRegex(@"trailer\s*(<<.*?>>)\s*startxref", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"\s*/Prev\s+\d+")]
    private static partial Regex Prev();
}
