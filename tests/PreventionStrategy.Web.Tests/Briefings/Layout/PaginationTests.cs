using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Briefings.Layout;
using SkiaSharp;

namespace PreventionStrategy.Web.Tests.Briefings.Layout;

/// <summary>The composition layer's page-breaking rules, checked on the laid-out pages before anything is drawn.</summary>
public sealed class PaginationTests : IDisposable
{
    private readonly TextStyle text = new(BriefingFonts.Regular, 10, SKColors.Black);
    private readonly TextStyle heading = new(BriefingFonts.SemiBold, 16, SKColors.Black);

    [Fact]
    public void A_row_taller_than_a_page_is_split_as_a_last_resort_and_keeps_all_its_lines()
    {
        var huge = string.Join(' ', Enumerable.Range(1, 3000).Select(i => $"ord{i}"));
        var table = new Table([new TableColumn("Kolonne", 1)], [new TableRow([new TableCell("kort")]), new TableRow([new TableCell(huge)])], Style());

        var document = new PagedDocument(PageGeometry.A4Portrait(30, 24), new NoFrame(), new Column(new Paragraph("Indledning", text), table));

        Assert.True(document.PageCount >= 3, $"the long row should span pages, got {document.PageCount}");
        using var pdf = new PdfReadBack(PdfOutput.Write(document, new SKDocumentPdfMetadata()));
        var words = pdf.Pages.SelectMany(p => p.GetWords()).Select(w => w.Text).Where(w => w.StartsWith("ord", StringComparison.Ordinal)).ToList();
        Assert.Equal(3000, words.Count);
        Assert.Equal(3000, words.Distinct().Count());
    }

    [Fact]
    public void A_row_that_does_not_fit_moves_whole_to_the_next_page()
    {
        // Room left for the header and 40 points: two of the row's four lines would fit, the whole row does not.
        var filler = new Spacer(PageGeometry.A4Portrait(30, 24).BodyBox.Height - text.LineHeight - (heading.LineHeight + 8) - 40);
        var table = new Table([new TableColumn("Kolonne", 1)], [new TableRow([new TableCell("linje en\nlinje to\nlinje tre\nlinje fire")])], Style());

        var document = new PagedDocument(PageGeometry.A4Portrait(30, 24), new NoFrame(), new Column(new Paragraph("x", text), filler, table));

        Assert.Equal(2, document.PageCount);
    }

    [Fact]
    public void A_section_heading_is_never_left_alone_at_the_foot_of_a_page()
    {
        var geometry = PageGeometry.A4Portrait(30, 24);
        // Room for the heading, but not for the table's header and row after it.
        var filler = new Spacer(geometry.BodyBox.Height - text.LineHeight - (heading.LineHeight + 5));
        var table = new Table([new TableColumn("Kolonne", 1)], [new TableRow([new TableCell("række")])], Style());
        var body = new Column(new Paragraph("x", text), filler, Column.Section(new Paragraph("Overskrift", heading), table));

        var document = new PagedDocument(geometry, new NoFrame(), body);

        Assert.Equal(2, document.PageCount);
        using var pdf = new PdfReadBack(PdfOutput.Write(document, new SKDocumentPdfMetadata()));
        Assert.DoesNotContain("Overskrift", pdf.Pages[0].Text);
        Assert.Contains("Overskrift", pdf.Pages[1].Text);
    }

    [Fact]
    public void A_page_break_starts_a_new_page_but_two_in_a_row_leave_no_blank_page()
    {
        var body = new Column(new Paragraph("én", text), new PageBreak(), new PageBreak(), new Paragraph("to", text));

        Assert.Equal(2, new PagedDocument(PageGeometry.A4Portrait(30, 24), new NoFrame(), body).PageCount);
    }

    public void Dispose()
    {
        text.Dispose();
        heading.Dispose();
    }

    private TableStyle Style() => new(heading, text, SKColors.LightGray, SKColors.Gray, null);

    private sealed class NoFrame : IPageFrame
    {
        public void Draw(SKCanvas canvas, PageGeometry geometry, int pageNumber, int pageCount)
        {
        }
    }
}
