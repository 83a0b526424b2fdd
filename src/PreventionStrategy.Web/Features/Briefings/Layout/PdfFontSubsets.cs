using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// Replaces each whole TrueType font a Skia PDF embeds with a real subset of the glyphs the document
/// uses. Skia names its fonts as subsets ("AAAAAA+IBMPlexSans") but SkiaSharp's native build has no
/// subsetter (Skia subsets only when built with HarfBuzz, and libSkiaSharp is not), so it embeds the
/// whole font: about 180 KB per face. The glyphs used are read from the PDF itself (the widths array
/// and the ToUnicode map of each font), the program is cut with HarfBuzz keeping glyph ids, and the
/// file is written again with a new cross-reference table. Everything else stays byte for byte.
/// </summary>
public static partial class PdfFontSubsets
{
    public static byte[] Apply(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var xrefAt = StartXref().Matches(text) is { Count: 1 } starts
            ? int.Parse(starts[0].Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("Expected one cross-reference table, as Skia writes it.");
        var xref = XrefSection().Match(text, xrefAt);
        if (!xref.Success)
        {
            throw new InvalidOperationException("The cross-reference table is not a single classic section.");
        }

        var count = int.Parse(xref.Groups[1].Value, CultureInfo.InvariantCulture);
        var entries = XrefEntry().Matches(text, xref.Index + xref.Length).Take(count).ToList();
        var objects = entries.Select((e, n) => (Number: n, Offset: int.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture), InUse: e.Groups[3].Value == "n"))
            .Where(o => o.InUse)
            .OrderBy(o => o.Offset)
            .ToList();
        var chunks = objects.Select((o, i) => (o.Number, Text: text[o.Offset..(i + 1 < objects.Count ? objects[i + 1].Offset : xrefAt)])).ToList();
        var byNumber = chunks.ToDictionary(c => c.Number, c => c.Text);

        var replacements = new Dictionary<int, string>();
        try
        {
            foreach (var (number, chunk) in chunks)
            {
                if (FontObject(number, chunk, byNumber) is { } replacement)
                {
                    replacements[replacement.Number] = replacement.Text;
                }
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without HarfBuzz's native library (a platform it does not ship for) the briefing keeps its whole fonts: larger, still right.
            return pdf;
        }

        if (replacements.Count == 0)
        {
            return pdf;
        }

        var output = new StringBuilder(text.Length);
        output.Append(text, 0, objects[0].Offset);
        var offsets = new Dictionary<int, int>();
        foreach (var (number, chunk) in chunks)
        {
            offsets[number] = output.Length;
            output.Append(replacements.GetValueOrDefault(number, chunk));
        }

        var newXref = output.Length;
        output.Append(CultureInfo.InvariantCulture, $"xref\n0 {count}\n");
        for (var n = 0; n < count; n++)
        {
            output.Append(offsets.TryGetValue(n, out var at)
                ? string.Create(CultureInfo.InvariantCulture, $"{at:D10} 00000 n\r\n")
                : $"{entries[n].Groups[1].Value} {entries[n].Groups[2].Value} f\r\n");
        }

        var trailer = text.IndexOf("trailer", xref.Index, StringComparison.Ordinal);
        var trailerEnd = text.IndexOf("startxref", trailer, StringComparison.Ordinal);
        output.Append(text, trailer, trailerEnd - trailer);
        output.Append(CultureInfo.InvariantCulture, $"startxref\n{newXref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(output.ToString());
    }

    // A Type0 font: its descendant CID font (glyph widths), that font's descriptor (the program) and its ToUnicode map.
    private static (int Number, string Text)? FontObject(int number, string chunk, Dictionary<int, string> objects)
    {
        if (!chunk.Contains("/Subtype /Type0", StringComparison.Ordinal)
            || Reference(chunk, "DescendantFonts \\[") is not { } cidFont
            || Reference(objects[cidFont], "FontDescriptor") is not { } descriptor
            || Reference(objects[descriptor], "FontFile2") is not { } program)
        {
            return null;
        }

        var (_, compressed) = Stream(objects[program]);
        var font = Inflate(compressed);
        var glyphs = new HashSet<uint> { 0 };
        var widths = objects[cidFont];
        glyphs.UnionWith(WidthGlyphs(widths));
        if (DefaultWidth().Match(widths) is { Success: true } dw)
        {
            // Skia leaves glyphs of the default width out of /W; keep every glyph of that width to be safe.
            glyphs.UnionWith(HarfBuzzSubsetter.GlyphsOfWidth(font, int.Parse(dw.Groups[1].Value, CultureInfo.InvariantCulture)));
        }

        if (Reference(chunk, "ToUnicode") is { } toUnicode)
        {
            glyphs.UnionWith(UnicodeGlyphs(Encoding.Latin1.GetString(Inflate(Stream(objects[toUnicode]).Data))));
        }

        var subset = HarfBuzzSubsetter.Subset(font, glyphs);
        if (subset is null || subset.Length >= font.Length)
        {
            return null;
        }

        var deflated = Deflate(subset);
        var text = string.Create(CultureInfo.InvariantCulture, $"{program} 0 obj\n<</Length1 {subset.Length}\n/Filter /FlateDecode\n/Length {deflated.Length}>> stream\n")
            + Encoding.Latin1.GetString(deflated)
            + "\nendstream\nendobj\n";
        return (program, text);
    }

    private static int? Reference(string dictionary, string key) =>
        Regex.Match(dictionary, "/" + key + @"\s*(\d+) 0 R") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static (string Dictionary, byte[] Data) Stream(string chunk)
    {
        var start = chunk.IndexOf("stream", StringComparison.Ordinal);
        var length = int.Parse(StreamLength().Match(chunk[..start]).Groups[1].Value, CultureInfo.InvariantCulture);
        var dataStart = start + "stream".Length + (chunk[start + 6] == '\r' ? 2 : 1);
        return (chunk[..start], Encoding.Latin1.GetBytes(chunk.Substring(dataStart, length)));
    }

    // "/W [0 [472 0 236] 73 [399 0 588] 78 81 272]": a start id with an array, or a first and last id with one width.
    private static IEnumerable<uint> WidthGlyphs(string cidFont)
    {
        var w = WidthArray().Match(cidFont);
        if (!w.Success)
        {
            yield break;
        }

        foreach (Match entry in WidthEntry().Matches(w.Groups[1].Value))
        {
            var first = uint.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture);
            var last = entry.Groups[2].Success
                ? first + (uint)entry.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length - 1
                : uint.Parse(entry.Groups[3].Value, CultureInfo.InvariantCulture);
            for (var glyph = first; glyph <= last; glyph++)
            {
                yield return glyph;
            }
        }
    }

    // Glyph ids on the left of "bfchar" pairs and "bfrange" ranges in the ToUnicode CMap.
    private static IEnumerable<uint> UnicodeGlyphs(string cmap)
    {
        foreach (Match block in CMapBlock().Matches(cmap))
        {
            var isRange = block.Groups[1].Value == "bfrange";
            foreach (var line in block.Groups[2].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var codes = HexCode().Matches(line).Select(m => uint.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToList();
                if (codes.Count == 0)
                {
                    continue;
                }

                var last = isRange && codes.Count > 1 ? codes[1] : codes[0];
                for (var glyph = codes[0]; glyph <= last; glyph++)
                {
                    yield return glyph;
                }
            }
        }
    }

    private static byte[] Inflate(byte[] data)
    {
        using var input = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Gxref\s+0 (\d+)\s*")]
    private static partial Regex XrefSection();

    [GeneratedRegex(@"(\d{10}) (\d{5}) ([nf])")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"/Length (\d+)")]
    private static partial Regex StreamLength();

    [GeneratedRegex(@"/W \[((?:[^\[\]]|\[[^\]]*\])*)\]")]
    private static partial Regex WidthArray();

    [GeneratedRegex(@"(\d+)\s*(?:\[([^\]]*)\]|(\d+)\s+-?\d+)")]
    private static partial Regex WidthEntry();

    [GeneratedRegex(@"/DW (\d+)")]
    private static partial Regex DefaultWidth();

    [GeneratedRegex(@"begin(bfchar|bfrange)(.*?)endbf(?:char|range)", RegexOptions.Singleline)]
    private static partial Regex CMapBlock();

    [GeneratedRegex(@"<([0-9A-Fa-f]{1,8})>")]
    private static partial Regex HexCode();
}
