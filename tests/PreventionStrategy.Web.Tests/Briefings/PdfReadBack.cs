using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>A generated PDF read back with PdfPig: what a reader who selects, searches or copies the text gets.</summary>
public sealed partial class PdfReadBack : IDisposable
{
    private readonly PdfDocument document;

    public PdfReadBack(byte[] pdf)
    {
        document = PdfDocument.Open(pdf);
        Pages = document.GetPages().ToList();
    }

    public IReadOnlyList<Page> Pages { get; }

    public DocumentInformation Information => document.Information;

    /// <summary>The catalog's entries as PdfPig reads them (e.g. "Lang", "OutputIntents").</summary>
    public IReadOnlyDictionary<string, UglyToad.PdfPig.Tokens.IToken> Catalog =>
        document.Structure.Catalog.CatalogDictionary.Data;

    public string? Xmp => document.TryGetXmpMetadata(out var xmp) ? Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray()) : null;

    /// <summary>All text in content order with whitespace removed, so a title wrapped over two lines is still found.</summary>
    public string Compact => Squash(string.Concat(Pages.Select(p => p.Text)));

    public static string Squash(string text) => Whitespace().Replace(text, string.Empty);

    public IEnumerable<string> PageTexts => Pages.Select(p => p.Text);

    public void Dispose() => document.Dispose();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
