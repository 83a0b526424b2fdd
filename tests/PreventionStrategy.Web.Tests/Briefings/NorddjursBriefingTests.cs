using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Briefings.Layout;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>The briefing for the seeded Norddjurs plan, built from the real SQLite site and read back as a reader would.</summary>
public sealed class NorddjursBriefingTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Statement = "Forvaltningen vurderer, at strategien følger planen – særligt indsatsen for unge i efterværn. Øvrige bemærkninger: Ændringer i Åbyhøj-samarbejdet drøftes på næste møde.";

    [Fact]
    public async Task Every_norddjurs_milestone_title_appears_in_the_briefing()
    {
        using var pdf = new PdfReadBack(BriefingPdf.Generate(await BuildAsync()));
        await using var db = site.CreateDbContext();
        var titles = await db.Milestones.Where(m => m.StrategyId == site.Ids.Strategy).Select(m => m.Title).ToListAsync();

        Assert.Equal(8, titles.Count);
        var text = pdf.Compact;
        Assert.All(titles, title => Assert.Contains(PdfReadBack.Squash(title), text));
    }

    [Fact]
    public async Task Danish_letters_and_the_dash_come_out_as_real_text()
    {
        using var pdf = new PdfReadBack(BriefingPdf.Generate(await BuildAsync()));
        var text = string.Concat(pdf.PageTexts);

        foreach (var letter in new[] { "æ", "ø", "å", "Æ", "Ø", "Å", "–" })
        {
            Assert.Contains(letter, text);
        }

        Assert.Contains(PdfReadBack.Squash("Børne- og Ungdomsudvalget"), pdf.Compact);
        Assert.Contains(PdfReadBack.Squash(Statement), pdf.Compact);
    }

    [Fact]
    public async Task Every_page_has_a_footer_saying_side_x_af_the_page_count()
    {
        using var pdf = new PdfReadBack(BriefingPdf.Generate(await BuildAsync()));
        var count = pdf.Pages.Count;

        Assert.True(count >= 3, $"expected front page, summary and sections; got {count} pages");
        for (var i = 0; i < count; i++)
        {
            Assert.Contains($"Side {i + 1} af {count}", pdf.Pages[i].Text);
        }
    }

    [Fact]
    public async Task The_pdf_carries_title_author_dates_and_a_pdfa_2b_identification()
    {
        var model = await BuildAsync();
        using var pdf = new PdfReadBack(BriefingPdf.Generate(model));

        Assert.Equal("Orientering til Børne- og Ungdomsudvalget: Forebyggende strategi for anbringelsesområdet", pdf.Information.Title);
        Assert.Equal("Børne- og Familieområdet", pdf.Information.Author);
        Assert.Equal(BriefingPdf.Creator, pdf.Information.Creator);
        Assert.NotNull(pdf.Information.CreationDate);
        var xmp = pdf.Xmp;
        Assert.NotNull(xmp);
        Assert.Matches(@"pdfaid:part(>|="")2", xmp);
        Assert.Matches(@"pdfaid:conformance(>|="")B", xmp);

        // The language, set by an incremental update Skia cannot make, and the sRGB output intent PDF/A asks for.
        Assert.Equal("da-DK", Assert.IsType<UglyToad.PdfPig.Tokens.StringToken>(pdf.Catalog["Lang"]).Data);
        Assert.Contains("GTS_PDFA1", pdf.Catalog["OutputIntents"].ToString());
    }

    [Fact]
    public async Task Every_letter_uses_the_embedded_plex_font_including_chart_labels()
    {
        using var pdf = new PdfReadBack(BriefingPdf.Generate(await BuildAsync()));
        var letters = pdf.Pages.SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();

        Assert.NotEmpty(letters);
        Assert.All(letters.Select(l => l.FontName).Distinct(), font => Assert.Contains("IBMPlexSans", font));

        // The timeline's "I dag" label exists only in the chart: finding it proves ScottPlot drew real text.
        // (The axis now runs to today, so a long range is labelled by year, not "K1 2025".)
        Assert.Contains("Idag", pdf.Compact);
    }

    [Fact]
    public async Task Embedded_fonts_are_real_subsets_well_below_the_full_font_size()
    {
        var pdf = PlantedPlan.Keep(BriefingPdf.Generate(await BuildAsync()), "norddjurs");

        // /Length1 is the uncompressed size of each embedded TrueType program; the whole IBM Plex Sans Regular is 180 KB.
        var fontPrograms = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Length1 (\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(fontPrograms);
        Assert.All(fontPrograms, size => Assert.True(size < 60_000, $"a font program of {size} bytes is embedded"));
        Assert.True(pdf.Length < 150_000, $"the Norddjurs briefing is {pdf.Length} bytes");
        using var read = new PdfReadBack(pdf);
        Assert.Contains(PdfReadBack.Squash("Børne- og Ungdomsudvalget"), read.Compact);
    }

    [Fact]
    public async Task Letters_are_placed_at_sub_point_positions_so_header_words_read_back_whole()
    {
        using var pdf = new PdfReadBack(BriefingPdf.Generate(await BuildAsync()));

        foreach (var page in pdf.Pages.Skip(1))
        {
            var header = page.GetWords().Where(w => w.BoundingBox.Bottom > page.Height - 90).Select(w => w.Text).ToList();
            Assert.Contains("Forebyggende", header);
            Assert.Contains("anbringelsesområdet", header);
        }

        // Each letter starts where shaping put it (its advance, with kerning), not rounded to a whole point (which left
        // "Forebyggend e"). Chart labels are drawn by ScottPlot without shaping: their letters follow the plain advances.
        // Words of letters only: PdfPig joins neighbouring chart ticks ("2024" "K4") into one word, which is no word at all.
        var drift = pdf.Pages.SelectMany(p => p.GetWords()).Where(w => w.Text.All(char.IsLetter))
            .Select(w => (Word: w.Text, Off: Math.Min(OffShaped(w), w.Letters.Zip(w.Letters.Skip(1), (a, b) => Math.Abs(b.StartBaseLine.X - a.StartBaseLine.X - a.Width)).DefaultIfEmpty(0).Max())))
            .Where(d => d.Off > 0.05)
            .ToList();
        Assert.True(drift.Count == 0, $"{drift.Count} letters are off their advance, e.g. in {string.Join(", ", drift.Take(5).Select(d => $"{d.Word} ({d.Off:0.00} pt)"))}");
    }

    /// <summary>How far the word's letters stand, at most, from where HarfBuzz places them in the word's font and size.</summary>
    private static double OffShaped(UglyToad.PdfPig.Content.Word word)
    {
        var first = word.Letters[0];
        var face = first.FontName?.Contains("SemiBold", StringComparison.Ordinal) == true ? BriefingFonts.SemiBold
            : first.FontName?.Contains("Italic", StringComparison.Ordinal) == true ? BriefingFonts.Italic
            : BriefingFonts.Regular;
        using var font = new SkiaSharp.SKFont(face, (float)first.PointSize);
        var shaped = TextShaper.Shape(new TextRun(word.Text, font, RightToLeft: false));
        return shaped.Glyphs.Length != word.Letters.Count
            ? double.MaxValue
            : word.Letters.Select((l, i) => Math.Abs(l.StartBaseLine.X - first.StartBaseLine.X - shaped.Points[i].X)).Max();
    }

    [Fact]
    public async Task Charts_are_drawn_as_vectors_not_embedded_images()
    {
        using var pdf = new PdfReadBack(BriefingPdf.Generate(await BuildAsync()));

        Assert.All(pdf.Pages, page => Assert.Empty(page.GetImages()));
    }

    private async Task<BriefingModel> BuildAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var builder = ActivatorUtilities.CreateInstance<BriefingModelBuilder>(scope.ServiceProvider);
        return await builder.BuildAsync(site.Ids.Strategy, committeeMeetingId: null, sinceUtc: null, Statement);
    }
}
