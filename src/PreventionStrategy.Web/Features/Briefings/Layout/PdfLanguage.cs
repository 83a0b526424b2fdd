using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>
/// Sets the document language (the catalog's /Lang), which Skia cannot write: screen readers then
/// read the briefing with a Danish voice. Done as an incremental update (a new catalog appended,
/// the original bytes untouched), which PDF/A permits.
/// </summary>
public static partial class PdfLanguage
{
    public static byte[] Set(byte[] pdf, string language)
    {
        // Latin-1 maps every byte to one char, so offsets in the text are offsets in the file.
        var text = Encoding.Latin1.GetString(pdf);
        var previousXref = StartXref().Matches(text) is { Count: > 0 } starts
            ? long.Parse(starts[^1].Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The PDF has no startxref.");
        var trailer = Trailer().Matches(text) is { Count: > 0 } trailers
            ? trailers[^1].Groups[1].Value
            : throw new InvalidOperationException("The PDF has no classic trailer.");
        var root = Root().Match(trailer) is { Success: true } rootMatch
            ? int.Parse(rootMatch.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The PDF trailer names no catalog.");

        var catalog = Regex.Match(text, $@"(?<![0-9]){root} 0 obj\s*(<<.*?>>)\s*endobj", RegexOptions.Singleline);
        if (!catalog.Success)
        {
            throw new InvalidOperationException("The catalog is not a plain object.");
        }

        var dictionary = catalog.Groups[1].Value;
        dictionary = dictionary[..^2] + $"\n/Lang ({language})>>";

        var update = new StringBuilder();
        update.Append('\n');
        var objectOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{root} 0 obj\n{dictionary}\nendobj\n");
        var xrefOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{root} 1\n{objectOffset:D10} 00000 n\r\n");
        // After another incremental update the trailer has a /Prev of its own: this update's /Prev replaces it.
        var newTrailer = Prev().Replace(trailer.TrimEnd(), string.Empty);
        newTrailer = newTrailer[..^2] + $"\n/Prev {previousXref}>>";
        update.Append(CultureInfo.InvariantCulture, $"trailer\n{newTrailer}\nstartxref\n{xrefOffset}\n%%EOF\n");

        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"trailer\s*(<<.*?>>)\s*startxref", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex Root();

    [GeneratedRegex(@"\s*/Prev\s+\d+")]
    private static partial Regex Prev();
}
