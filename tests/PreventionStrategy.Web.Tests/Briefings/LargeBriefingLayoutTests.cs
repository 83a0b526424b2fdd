using System.Buffers.Binary;
using System.Text.RegularExpressions;
using PreventionStrategy.Web.Features.Briefings;
using UglyToad.PdfPig.Content;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>Layout guarantees checked on a 300-milestone plan, read back from the PDF.</summary>
public sealed partial class LargeBriefingLayoutTests
{
    // A4 in points, 2 cm margins.
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 72 / 2.54 * 2;

    private static readonly Lazy<(BriefingModel Model, byte[] Pdf)> Generated = new(() =>
    {
        var model = LargeBriefing.Create();
        return (model, PlantedPlan.Keep(BriefingPdf.Generate(model), "large"));
    });

    [Fact]
    public void No_letter_falls_outside_the_margins_of_its_page()
    {
        using var pdf = new PdfReadBack(Generated.Value.Pdf);

        Assert.True(pdf.Pages.Count > 10, $"a 300-milestone plan should span many pages, got {pdf.Pages.Count}");
        foreach (var page in pdf.Pages)
        {
            var outside = page.Letters
                .Where(l => !string.IsNullOrWhiteSpace(l.Value))
                .Where(l => l.BoundingBox.Left < Margin - 0.5 || l.BoundingBox.Right > PageWidth - Margin + 0.5
                    || l.BoundingBox.Bottom < Margin - 0.5 || l.BoundingBox.Top > PageHeight - Margin + 0.5)
                .Select(l => $"'{l.Value}' at {l.BoundingBox}")
                .ToList();
            Assert.True(outside.Count == 0, $"page {page.Number}: {string.Join(", ", outside.Take(5))}");
        }
    }

    [Fact]
    public void No_table_row_is_cut_across_pages()
    {
        using var pdf = new PdfReadBack(Generated.Value.Pdf);

        // Page 1 repeats the three most important changes (title and change, not the comment that ends the row): it is a summary of rows tested here.
        var tokenPages = Tokens(pdf).Where(t => t.Page > 1).ToList();

        var duplicates = tokenPages.GroupBy(t => t.Token).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        var pages = tokenPages.ToDictionary(t => t.Token, t => t.Page);
        var rowStarts = pages.Keys.Where(t => t.EndsWith('A')).ToList();
        Assert.True(rowStarts.Count > LargeBriefing.MilestoneCount, $"only {rowStarts.Count} rows found");
        Assert.All(rowStarts, start =>
        {
            var end = start[..^1] + "Z";
            Assert.True(pages.ContainsKey(end), $"{end} is missing");
            Assert.True(pages[start] == pages[end], $"row {start[..^1]} starts on page {pages[start]} and ends on page {pages[end]}");
        });
    }

    [Fact]
    public void A_milestone_table_header_repeats_above_its_rows_on_every_page_it_spans()
    {
        using var pdf = new PdfReadBack(Generated.Value.Pdf);
        var milestoneRowPages = 0;
        foreach (var page in pdf.Pages)
        {
            var words = page.GetWords().ToList();
            var firstMilestoneRow = words.Where(w => MilestoneRowToken().IsMatch(w.Text) && w.Text.EndsWith('A') && int.Parse(w.Text[1..^1], System.Globalization.CultureInfo.InvariantCulture) <= LargeBriefing.MilestoneCount).MaxBy(w => w.BoundingBox.Top);
            if (firstMilestoneRow is null)
            {
                continue;
            }

            milestoneRowPages++;
            var header = words.Where(w => w.Text == "kommentar").ToList();
            Assert.True(header.Any(h => h.BoundingBox.Bottom > firstMilestoneRow.BoundingBox.Top), $"page {page.Number} has milestone rows but no header above them");
        }

        Assert.True(milestoneRowPages > 3, $"the milestone tables should span several pages, found {milestoneRowPages}");
    }

    [Fact]
    public void The_same_model_gives_the_same_text_every_time()
    {
        var model = Generated.Value.Model;
        using var first = new PdfReadBack(Generated.Value.Pdf);
        using var second = new PdfReadBack(BriefingPdf.Generate(model));

        Assert.Equal(first.PageTexts, second.PageTexts);
        Assert.Equal(first.Information.CreationDate, second.Information.CreationDate);
    }

    [Fact]
    public void Every_page_of_the_large_plan_says_side_x_af_n()
    {
        using var pdf = new PdfReadBack(Generated.Value.Pdf);
        var count = pdf.Pages.Count;

        Assert.All(pdf.Pages, page => Assert.Contains($"Side {page.Number} af {count}", page.Text));
    }

    [Fact]
    public void Page_images_come_one_per_pdf_page_at_the_requested_resolution()
    {
        using var pdf = new PdfReadBack(Generated.Value.Pdf);

        var pngs = BriefingPdf.RenderPagePngs(Generated.Value.Model, 96);

        Assert.Equal(pdf.Pages.Count, pngs.Count);
        Assert.All(pngs, png =>
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Equal(794, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
            Assert.Equal(1123, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        });
    }

    private static IEnumerable<(string Token, int Page)> Tokens(PdfReadBack pdf) =>
        pdf.Pages.SelectMany(page => page.GetWords().Where(w => MilestoneRowToken().IsMatch(w.Text)).Select(w => (w.Text, page.Number)));

    [GeneratedRegex(@"^R\d+[AZ]$")]
    private static partial Regex MilestoneRowToken();
}
