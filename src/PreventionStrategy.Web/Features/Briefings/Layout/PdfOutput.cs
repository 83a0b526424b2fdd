using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>Writes a paged document as PDF. Skia embeds the (subset) fonts with a Unicode map, so the text stays selectable and searchable.</summary>
public static class PdfOutput
{
    public static byte[] Write(PagedDocument document, SKDocumentPdfMetadata metadata)
    {
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < document.PageCount; i++)
            {
                var canvas = pdf.BeginPage(document.Geometry.Width, document.Geometry.Height);
                document.DrawPage(canvas, i);
                pdf.EndPage();
            }

            pdf.Close();
        }

        return stream.ToArray();
    }
}
