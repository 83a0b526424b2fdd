using PreventionStrategy.Web.Features.Briefings.Layout;
using PreventionStrategy.Web.Features.Indicators;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The briefing's Effekt section, after the summary: whether the strategy works, told per target indicator by a
/// chart and a sentence, with the watch indicators beside them and the figures that changed since the last briefing.
/// </summary>
public sealed class BriefingEffectSection(BriefingEffect effect, BriefingStyles styles)
{
    public IElement Compose()
    {
        if (effect.IsEmpty)
        {
            return new Column(new Spacer(10), new Paragraph("Effekt", styles.Heading1), new Spacer(3),
                new Paragraph("Strategien har endnu ingen indikatorer, der viser, om den virker.", styles.Body), new Spacer(14));
        }

        var parts = new List<IElement>();
        var intro = new Paragraph(
            "Målindikatorer vurderes mod deres mål (på sporet, tæt på målet eller ikke på sporet). Opmærksomhedsindikatorer står ved siden af og vurderes ikke som gode, blot fordi de falder. Tal under 5 vises som \"<5\".",
            styles.Note);
        if (effect.Targets.Count == 0)
        {
            parts.Add(new Paragraph("Der er ingen målindikatorer.", styles.Body));
        }

        foreach (var indicator in effect.Targets)
        {
            parts.Add(Column.Section(
                new Paragraph(Title(indicator), styles.Heading2),
                new Spacer(2),
                new Paragraph($"{indicator.VerdictText}. {indicator.Sentence}", styles.Body),
                new Spacer(2),
                // The unit in words above the chart: a rotated axis title would not read back as text.
                new Paragraph($"Enhed: {indicator.UnitText}", styles.Note),
                new Spacer(2),
                new Chart(BriefingIndicatorChart.Height, (w, h) => BriefingIndicatorChart.Draw(indicator.Series, p => indicator.PeriodLabels.GetValueOrDefault(p.Start, p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), w, h)),
                new Spacer(10)));
        }

        if (effect.Watched.Count > 0)
        {
            parts.Add(Column.Section(
                new Paragraph("Opmærksomhedsindikatorer", styles.Heading2),
                new Spacer(4),
                new Table(
                    [new TableColumn("Indikator", 3f), new TableColumn("Seneste tal", 2f), new TableColumn("Udvikling", 4.5f)],
                    effect.Watched.Select(w => new TableRow(
                    [
                        new TableCell(Title(w), styles.CellStrong),
                        new TableCell(w.LatestText),
                        new TableCell(w.TrendText),
                    ])).ToList(),
                    styles.Table),
                new Spacer(10)));
        }

        var changesTitle = new Paragraph("Nye og rettede tal siden sidste orientering", styles.Heading2);
        if (effect.ChangedFigures.Count == 0)
        {
            parts.Add(Column.Section(changesTitle, new Spacer(2), new Paragraph("Ingen tal er indtastet eller rettet i perioden.", styles.Body)));
        }
        else
        {
            var more = effect.ChangedFiguresTotal > effect.ChangedFigures.Count
                ? $" Viser de seneste {effect.ChangedFigures.Count} af {effect.ChangedFiguresTotal}; resten står på indikatorernes sider."
                : string.Empty;
            parts.Add(Column.Section(
                changesTitle,
                new Paragraph("Rettelser af tidligere tal vises med det gamle og det nye tal." + more, styles.Note),
                new Spacer(4),
                new Table(
                    [new TableColumn("Dato", 2f), new TableColumn("Indikator", 3f), new TableColumn("Periode", 1.6f), new TableColumn("Ændring", 2.4f), new TableColumn("Af", 1.8f)],
                    effect.ChangedFigures.Select(c => new TableRow(
                    [
                        new TableCell(c.AtText),
                        new TableCell(c.IndicatorName, styles.CellStrong),
                        new TableCell(c.PeriodText),
                        new TableCell(c.ChangeText),
                        new TableCell(c.ChangedByName),
                    ])).ToList(),
                    styles.Table)));
        }

        return new Column([new Spacer(10), Column.Section(new Paragraph("Effekt", styles.Heading1), new Spacer(3), intro, new Spacer(6)), .. parts, new Spacer(14)]);
    }

    private static string Title(BriefingIndicator indicator) => indicator.IsExampleData ? $"{indicator.Name} (Eksempeldata)" : indicator.Name;
}
