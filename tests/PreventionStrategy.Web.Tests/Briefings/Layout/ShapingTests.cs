using System.Text;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Briefings.Layout;
using SkiaSharp;
using UglyToad.PdfPig.Content;

namespace PreventionStrategy.Web.Tests.Briefings.Layout;

/// <summary>
/// The text layer shapes with HarfBuzz (issue 18, items 4 and 12): joined Arabic, Hebrew and Arabic in the
/// order a reader of each expects, kerned Latin, and lines measured as wide as they are drawn. Each is read
/// back from a real PDF with PdfPig.
/// </summary>
public sealed class ShapingTests : IDisposable
{
    private readonly TextStyle text = new(BriefingFonts.Regular, 10, SKColors.Black, fallbacks: BriefingFonts.Fallbacks);

    [Fact]
    public void Arabic_is_drawn_in_joined_forms_that_read_back_as_the_letters_written()
    {
        const string arabic = "مرحبا بالعالم";

        var letters = Letters(Pdf(new Paragraph("Tolk: " + arabic, text)));

        var drawn = string.Concat(letters.Where(l => l.FontName?.Contains("Arabic", StringComparison.Ordinal) == true).Select(l => l.Value));
        // The joined forms, not the isolated letters: initial meem (U+FEE3), medial beh (U+FE92), final meem (U+FEE2).
        Assert.Contains("\uFEE3", drawn, StringComparison.Ordinal);
        Assert.Contains("\uFE92", drawn, StringComparison.Ordinal);
        Assert.Contains("\uFEE2", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0645", drawn, StringComparison.Ordinal);

        // The PDF maps each joined glyph to its presentation form; NFKC, which search engines apply, gives the letters back.
        Assert.Equal(PdfReadBack.Squash(arabic), PdfReadBack.Squash(drawn.Normalize(NormalizationForm.FormKC)));
    }

    [Fact]
    public void A_joined_arabic_glyph_carries_the_letter_it_stands_for_as_actual_text()
    {
        using var pdf = new PdfReadBack(PdfOutput.Write(Document(new Paragraph("مرحبا", text)), new SKDocumentPdfMetadata()));

        var spans = pdf.Pages[0].GetMarkedContents().Where(m => m.ActualText is not null).ToList();

        // Readers that honour /ActualText (Acrobat, poppler's pdftotext) copy the letter itself, not the presentation form.
        var initialMeem = Assert.Single(spans, s => s.Letters.Any(l => l.Value == "\uFEE3"));
        Assert.Equal("م", initialMeem.ActualText);
    }

    [Fact]
    public void Arabic_glyphs_differ_from_the_isolated_forms_the_font_maps_the_letters_to()
    {
        using var font = new SKFont(BriefingFonts.Fallbacks[0], 10);
        const string word = "مرحبا";

        var shaped = TextShaper.Shape(new TextRun(word, font, RightToLeft: true));

        Assert.Equal(font.GetGlyphs(word)[0], font.GetGlyph(0x0645));
        Assert.NotEqual(font.GetGlyph(0x0645), shaped.Glyphs[0]);
        Assert.Equal(font.GetGlyph(0xFEE3), shaped.Glyphs[0]);
    }

    [Fact]
    public void Hebrew_reads_back_in_the_order_written_and_stands_right_to_left()
    {
        var letters = Letters(Pdf(new Paragraph("Hilsen: שלום עולם", text)));

        var hebrew = letters.Where(l => l.FontName?.Contains("Hebrew", StringComparison.Ordinal) == true && !string.IsNullOrWhiteSpace(l.Value)).ToList();
        Assert.Equal("שלוםעולם", string.Concat(hebrew.Select(l => l.Value)));
        Assert.True(hebrew[0].StartBaseLine.X > hebrew[3].StartBaseLine.X, "shin stands right of final mem");
        Assert.True(hebrew[3].StartBaseLine.X > hebrew[4].StartBaseLine.X, "the first word stands right of the second");
    }

    [Fact]
    public void Arabic_and_hebrew_next_to_each_other_stand_in_right_to_left_order_in_a_danish_line()
    {
        var letters = Letters(Pdf(new Paragraph("Tolk: مرحبا שלום og mere", text)));

        var meem = letters.First(l => l.FontName?.Contains("Arabic", StringComparison.Ordinal) == true);
        var shin = letters.First(l => l.Value == "ש");
        var og = letters.First(l => l.Value == "o" && l.StartBaseLine.X > meem.StartBaseLine.X);
        Assert.True(shin.StartBaseLine.X < meem.StartBaseLine.X, "the Hebrew, written after the Arabic, stands left of it");
        Assert.True(og.StartBaseLine.X > meem.StartBaseLine.X, "the Danish after them continues to the right");
        Assert.Contains("Tolk:مرحباשלוםogmere", PdfReadBack.Squash(string.Concat(letters.Select(l => l.Value)).Normalize(NormalizationForm.FormKC)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AV")]
    [InlineData("To")]
    [InlineData("Ty")]
    public void Kerning_pairs_stand_closer_than_the_first_letters_own_advance(string pair)
    {
        var letters = Letters(Pdf(new Paragraph(pair, text)));

        var distance = letters[1].StartBaseLine.X - letters[0].StartBaseLine.X;
        var unkerned = text.Font.MeasureText(pair[..1]);
        Assert.True(distance < unkerned - 0.1, $"{pair}: {distance:0.000} pt apart, unkerned advance {unkerned:0.000} pt");
        Assert.True(text.Measure(pair) < text.Font.MeasureText(pair) - 0.1, "the measured width is the kerned one");
    }

    [Fact]
    public void A_line_ends_where_it_was_measured_to_end_so_right_aligned_text_meets_the_margin()
    {
        const string line = "AVATAR To Tyve Vækst";
        const float width = 300;

        var letters = Letters(Pdf(new Paragraph(line, text, TextAlign.Right), width));

        var right = PageGeometry.A4Portrait(30, 24).BodyBox.Left + width;
        Assert.Equal(right, letters[^1].EndBaseLine.X, 0.05);
        Assert.Single(TextWrapper.Wrap(line, text, text.Measure(line)));
    }

    [Fact]
    public void Glyphs_are_placed_in_fractions_of_a_point()
    {
        var letters = Letters(Pdf(new Paragraph("Forebyggende indsats for unge", text)));

        Assert.Contains(letters, l => Math.Abs(l.StartBaseLine.X - Math.Round(l.StartBaseLine.X)) > 0.05);
    }

    public void Dispose() => text.Dispose();

    private static List<Letter> Letters(byte[] pdf)
    {
        using var read = new PdfReadBack(pdf);
        return read.Pages[0].Letters.ToList();
    }

    private static byte[] Pdf(IElement element, float? width = null) =>
        PlantedPlan.Keep(PdfOutput.Write(Document(width is { } w ? new Column(new FixedWidth(element, w)) : element), new SKDocumentPdfMetadata()), "shaping");

    private static PagedDocument Document(IElement body) => new(PageGeometry.A4Portrait(30, 24), new NoFrame(), body);

    private sealed class NoFrame : IPageFrame
    {
        public void Draw(SKCanvas canvas, PageGeometry geometry, int page, int pageCount)
        {
        }
    }

    // Lays the element out in a narrower width than the page's body, starting at its left edge.
    private sealed class FixedWidth(IElement inner, float width) : IElement
    {
        public LayoutSlice Layout(float available, float availableHeight, bool pageIsEmpty) => inner.Layout(width, availableHeight, pageIsEmpty);
    }
}
