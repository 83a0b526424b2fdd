using PreventionStrategy.Web.Features.Briefings.Layout;
using PreventionStrategy.Web.Features.Shared;
using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The briefing as a file: a PDF for the committee, or page images for a preview in the browser.
/// Both come from the same layout, so the preview shows exactly what the PDF holds.
/// </summary>
public static class BriefingPdf
{
    public const string Creator = "PreventionStrategy – forebyggende strategi";

    public static byte[] Generate(BriefingModel model) => GenerateWithPageCount(model).Pdf;

    public static (byte[] Pdf, int PageCount) GenerateWithPageCount(BriefingModel model)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var styles = new BriefingStyles();
        var document = new BriefingDocument(model, styles).Layout();
        var pdf = PdfLanguage.Set(PdfTransparencyGroups.Apply(PdfFontSubsets.Apply(PdfOutput.Write(document, Metadata(model)))), "da-DK");
        Metrics.SiteMeter.BriefingRendered(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return (pdf, document.PageCount);
    }

    /// <summary>One PNG per page, in page order, <paramref name="dpi"/> pixels per inch (A4 at 96 dpi is 794 × 1123).</summary>
    public static IReadOnlyList<byte[]> RenderPagePngs(BriefingModel model, int dpi) => RenderPagePngs(model, dpi, int.MaxValue).Pages;

    /// <summary>PNGs of the first <paramref name="maxPages"/> pages, and how many pages the document has.</summary>
    public static (IReadOnlyList<byte[]> Pages, int PageCount) RenderPagePngs(BriefingModel model, int dpi, int maxPages)
    {
        using var styles = new BriefingStyles();
        var document = new BriefingDocument(model, styles).Layout();
        return (PngOutput.Render(document, dpi, maxPages), document.PageCount);
    }

    // Dates come from the model, never the clock, so the same model gives the same document.
    // Skia writes a date with the offset of the DateTime it is given; a UTC instant is right on any server.
    private static SKDocumentPdfMetadata Metadata(BriefingModel model)
    {
        var h = model.Header;
        var generatedUtc = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(h.GeneratedAt, DateTimeKind.Unspecified), DanishTime.Zone), DateTimeKind.Utc);
        return new SKDocumentPdfMetadata
        {
            Title = $"Orientering til {h.CommitteeName}: {h.StrategyName}",
            Author = h.Division,
            Subject = h.MeetingDateText is null
                ? $"Status på {h.StrategyName}, {h.Municipality}"
                : $"Status på {h.StrategyName} til udvalgsmødet {h.MeetingDateText}, {h.Municipality}",
            Keywords = "udvalgsorientering; milepæle; status",
            Creator = Creator,
            Producer = Creator,
            Creation = generatedUtc,
            Modified = generatedUtc,
            PdfA = true,
            RasterDpi = 300,
            EncodingQuality = 101,
        };
    }
}
