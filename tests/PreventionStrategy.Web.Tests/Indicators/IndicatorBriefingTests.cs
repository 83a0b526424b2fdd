using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Briefings;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Indicators;

/// <summary>The briefing's Effekt section, read back from the PDF with PdfPig as a committee member's reader would.</summary>
public sealed class IndicatorBriefingTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_briefing_has_an_Effekt_section_after_the_summary_with_each_target_indicator_its_verdict_and_trend()
    {
        var model = await BuildAsync(DateTime.UtcNow.AddDays(-1));
        using var pdf = new PdfReadBack(BriefingPdf.Generate(model));
        var text = pdf.Compact;

        var summary = text.IndexOf(PdfReadBack.Squash("Samlet status"), StringComparison.Ordinal);
        var effect = text.IndexOf(PdfReadBack.Squash("Målindikatorer vurderes mod deres mål"), StringComparison.Ordinal);
        var timeline = text.IndexOf(PdfReadBack.Squash("Søjler viser en planlagt periode"), StringComparison.Ordinal);
        Assert.True(summary >= 0 && effect > summary && timeline > effect, $"summary {summary}, effect {effect}, timeline {timeline}");

        Assert.Contains(PdfReadBack.Squash("Andel af anbringelser i netværkspleje (Eksempeldata)"), text);
        Assert.Contains(PdfReadBack.Squash("Tæt på målet. Seneste tal: 11,5 % (2025, foreløbig). Steget 3,5 procentpoint siden 2023 (fra 8 % til 11,5 %). Mål for 2025: mindst 12 %."), text);
        Assert.Contains(PdfReadBack.Squash("Sager pr. socialrådgiver (Eksempeldata)"), text);
        Assert.Contains(PdfReadBack.Squash("På sporet"), text);

        // The watch indicators stand beside them, the real Norddjurs figure unmarked.
        Assert.Contains(PdfReadBack.Squash("Faldet 20 % siden 2016 (fra 172 til 138)."), text);
        Assert.Equal("Faldet 20 % siden 2016 (fra 172 til 138).", model.Effect.Watched.Single(w => w.Name == "Anbragte børn og unge").TrendText);
        Assert.DoesNotContain(PdfReadBack.Squash("Anbragte børn og unge (Eksempeldata)"), text);

        // The charts' axis labels exist only in the charts: finding them proves ScottPlot drew real text (a quarterly series).
        Assert.Contains("K12024", text);
        Assert.All(pdf.Pages, page => Assert.Empty(page.GetImages()));
    }

    [Fact]
    public async Task Figures_entered_or_corrected_since_the_last_briefing_are_listed_with_old_and_new_value()
    {
        var since = DateTime.UtcNow.AddMinutes(-1);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
            var recorder = scope.ServiceProvider.GetRequiredService<MeasurementRecorder>();
            var breakdowns = await db.Indicators.AsNoTracking().Include(i => i.Categories).SingleAsync(i => i.Name == "Sammenbrud i anbringelser");
            var result = await recorder.SaveAsync(breakdowns, [new MeasurementEntry(PlannedTiming.InHalfYear(2025, 2), 7, new Dictionary<int, decimal>(), true, "Endeligt tal.", MeasurementEntry.AnyVersion)], "Anne Administrator", CancellationToken.None);
            Assert.Equal(1, result.Corrected);
        }

        using var pdf = new PdfReadBack(BriefingPdf.Generate(await BuildAsync(since)));

        var text = pdf.Compact;
        Assert.Contains(PdfReadBack.Squash("Nye og rettede tal siden sidste orientering"), text);
        Assert.Contains(PdfReadBack.Squash("Sammenbrud i anbringelser 2. halvår 2025 Rettet: 6 → 7 Anne Administrator"), text);
        Assert.DoesNotContain(PdfReadBack.Squash("Ingen tal er indtastet eller rettet i perioden."), text);
    }

    [Fact]
    public async Task Small_counts_are_hidden_in_the_briefing_too()
    {
        var model = await BuildAsync(DateTime.UtcNow.AddDays(-1));

        var byType = Assert.Single(model.Effect.Watched, w => w.Name == "Anbringelser efter type");
        var smallest = byType.Series.Points.SelectMany(p => p.ByCategory).OfType<decimal>().Min();
        Assert.True(smallest < SmallNumbers.Threshold, "the demo series has a small category to hide");
        Assert.All(model.Effect.Watched.Concat(model.Effect.Targets), i => Assert.DoesNotContain("Eget værelse / andet: 3", i.Sentence));
    }

    private async Task<BriefingModel> BuildAsync(DateTime sinceUtc)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var builder = ActivatorUtilities.CreateInstance<BriefingModelBuilder>(scope.ServiceProvider);
        return await builder.BuildAsync(site.Ids.Strategy, committeeMeetingId: null, sinceUtc, statement: null);
    }
}
