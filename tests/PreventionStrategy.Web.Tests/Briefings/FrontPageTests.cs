using PreventionStrategy.Web.Features.Briefings;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>Page 1 carries the verdict: read back from the PDF with PdfPig, not from the model.</summary>
public sealed class FrontPageTests
{
    private static PdfReadBack Render(BriefingModel model)
    {
        var pdf = BriefingPdf.Generate(model);
        if (Environment.GetEnvironmentVariable("BRIEFING_OUT") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, "small-briefing.pdf"), pdf);
        }

        return new PdfReadBack(pdf);
    }

    private static string Page1(PdfReadBack pdf) => PdfReadBack.Squash(pdf.Pages[0].Text);

    [Fact]
    public void A_decision_asked_for_appears_on_page_1_under_til_beslutning_with_milestone_owner_and_meeting()
    {
        using var pdf = Render(SmallBriefing.Create());
        var page1 = Page1(pdf);

        var heading = page1.IndexOf("Tilbeslutning", StringComparison.Ordinal);
        Assert.True(heading >= 0, page1);
        var question = page1.IndexOf(PdfReadBack.Squash(SmallBriefing.Question), StringComparison.Ordinal);
        Assert.True(question > heading, "the question stands under Til beslutning");
        Assert.Contains(PdfReadBack.Squash("Rekruttering af plejefamilier"), page1[question..]);
        Assert.Contains("LarsLeder", page1[question..]);
        Assert.Contains(PdfReadBack.Squash("13. marts 2025"), page1[question..]);
    }

    [Fact]
    public void An_answered_decision_appears_on_page_1_with_its_answer()
    {
        using var pdf = Render(SmallBriefing.Create());
        var page1 = Page1(pdf);

        var answered = page1.IndexOf(PdfReadBack.Squash(SmallBriefing.AnsweredQuestion), StringComparison.Ordinal);
        Assert.True(answered > page1.IndexOf("Besluttetsidensidst", StringComparison.Ordinal), page1);
        Assert.Contains("Godkendt:Enstemmigt", page1[answered..]);
    }

    [Fact]
    public void Page_1_tells_each_focus_area_status_by_word_and_symbol()
    {
        using var pdf = Render(SmallBriefing.Create());
        var page1 = Page1(pdf);

        Assert.Contains("Statuspr.fokusområde", page1);
        Assert.Contains("✓PåsporetEfterreglen", page1);
        Assert.Contains("!KræveropmærksomhedEfterreglen", page1);
        Assert.Contains("×UdeafkursSatafAnneAdmin", page1);
        Assert.Contains(PdfReadBack.Squash("Tilbudsviften venter på budgettet."), page1);
    }

    [Fact]
    public void Page_1_names_committee_meeting_date_verdict_and_the_administrations_remarks()
    {
        using var pdf = Render(SmallBriefing.Create());
        var page1 = Page1(pdf);

        Assert.Contains(PdfReadBack.Squash("Orientering til Børne- og Ungdomsudvalget"), page1);
        Assert.Contains(PdfReadBack.Squash("Til udvalgsmødet 13. marts 2025"), page1);
        Assert.Contains(PdfReadBack.Squash("Udarbejdet 8. marts 2025"), page1);
        Assert.Contains("Samletstatus:Forsinket", page1);
        Assert.Contains(PdfReadBack.Squash("Forvaltningens bemærkninger Forvaltningen anbefaler, at udvalget godkender den ekstra sagsbehandler."), page1);
    }

    [Fact]
    public void Page_1_lists_the_three_most_important_changes_delays_first_and_each_milestone_once()
    {
        using var pdf = Render(SmallBriefing.Create());
        var page1 = Page1(pdf);
        var section = page1[page1.IndexOf("Vigtigsteændringersidensidstemøde", StringComparison.Ordinal)..page1.IndexOf("Forvaltningensbemærkninger", StringComparison.Ordinal)];

        var delayed = section.IndexOf("Delayed:ÆndringNytilbudsvifte", StringComparison.Ordinal);
        var risk = section.IndexOf("NewRisk:ÆndringRekrutteringafplejefamilier", StringComparison.Ordinal);
        var done = section.IndexOf("Completed:ÆndringAfdækningsdagmedledelsen", StringComparison.Ordinal);
        Assert.True(delayed >= 0 && risk > delayed && done > risk, section);
        Assert.DoesNotContain("Statusskiftudenbetydning", section);
        Assert.DoesNotContain("StatusChanged:ÆndringNytilbudsvifte", section);
        Assert.Contains("5ændringerialt", section);
    }

    [Fact]
    public void The_timeline_numbers_its_milestones_and_a_key_names_them()
    {
        var model = SmallBriefing.Create();
        using var pdf = Render(model);
        var numbers = BriefingCharts.Numbers(model.Timeline);
        var timelinePage = pdf.Pages.First(p => p.Text.Contains("Tidslinje", StringComparison.Ordinal) && p.Text.Contains("Nøgle til tidslinjen", StringComparison.Ordinal));
        var text = PdfReadBack.Squash(timelinePage.Text);

        Assert.Equal([1, 2, 3], numbers.Values.Order());
        foreach (var (id, number) in numbers)
        {
            var title = model.FocusAreas.SelectMany(a => a.Milestones).Single(m => m.Id == id).Title;
            Assert.Contains($"{number}{PdfReadBack.Squash(title)}", text);

            // The number is drawn on the chart too: a letter of that digit above the key's heading.
            var keyTop = timelinePage.GetWords().First(w => w.Text == "Nøgle").BoundingBox.Top;
            Assert.Contains(timelinePage.Letters, l => l.Value == number.ToString(System.Globalization.CultureInfo.InvariantCulture) && l.StartBaseLine.Y > keyTop && l.PointSize < 7.5);
        }
    }
}
