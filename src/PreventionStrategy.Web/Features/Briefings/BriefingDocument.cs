using PreventionStrategy.Web.Features.Briefings.Layout;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The committee briefing, composed top-down in the order a committee member reads it: page 1 with the verdict
/// (<see cref="BriefingFrontPage"/>), summary, timeline, one section per focus area, what changed, what is coming, what needs attention,
/// and the budget. It only arranges the model; all wording of data comes from <see cref="BriefingModel"/>.
/// </summary>
public sealed class BriefingDocument(BriefingModel model, BriefingStyles styles)
{
    /// <summary>The tallest a chart gets, so it always fits the body of one page.</summary>
    private const float MaxChartHeight = 600;

    public PagedDocument Layout() => new(PageGeometry.A4Portrait(headerHeight: 30, footerHeight: 24), Frame(), Body());

    private PageFrame Frame() => new(
        model.Header.StrategyName,
        $"Orientering til {model.Header.CommitteeName}",
        $"{model.Header.Municipality} – {model.Header.Division}",
        "Side {0} af {1}",
        styles.Frame,
        BriefingStyles.Rule,
        model.Header.IsDraft ? new PageStamp("UDKAST", styles.Stamp) : null);

    private Column Body() => new(
    [
        new BriefingFrontPage(model, styles).Compose(),
        new PageBreak(),
        Summary(),
        new BriefingEffectSection(model.Effect, styles).Compose(),
        TimelineSection(),
        FocusAreas(),
        Changes(),
        ComingUp(),
        Attention(),
        Budget(),
    ]);

    private Column Summary()
    {
        var s = model.Summary;
        var parts = new List<IElement>
        {
            Heading("Sammenfatning"),
            new Paragraph($"Samlet status: {s.OverallStateText}", styles.Heading2),
            new Spacer(2),
            new Paragraph(s.OverallExplanation, styles.Body),
            new Spacer(10),
        };
        parts.Add(Column.Section(
            new Paragraph($"Milepæle fordelt på status ({s.MilestoneCount} i alt)", styles.Heading2),
            new Spacer(4),
            new Chart(BriefingCharts.StatusHeight(s), (w, h) => BriefingCharts.StatusCounts(s, w, h))));
        return Section(parts);
    }

    private Column TimelineSection()
    {
        var timeline = model.Timeline;
        return Section(
        [
            Heading("Tidslinje"),
            new Paragraph(BriefingCharts.IsSummarised(timeline)
                ? "Planen har mange milepæle, så tidslinjen viser antal milepæle pr. fokusområde og kvartal efter forventet dato (prognose, ellers planlagt slut). Den lodrette streg er i dag."
                : "Søjler viser en planlagt periode, romber en milepæl på en bestemt dag. Farven viser status. Tallet ved hver milepæl henviser til nøglen under tidslinjen. Den lodrette streg er i dag; en stiplet streg til en ring viser en prognose, der afviger fra planen.", styles.Note),
            new Spacer(4),
            StatusLegend(),
            new Spacer(6),
            BriefingCharts.IsSummarised(timeline)
                ? TimelineSummary(timeline)
                : new Chart(Math.Min(MaxChartHeight, BriefingCharts.TimelineHeight(timeline)), (w, h) => BriefingCharts.Timeline(timeline, w, h)),
        ],
        BriefingCharts.IsSummarised(timeline) ? [] : [new Spacer(6), TimelineKey(timeline)]);
    }

    // The chart's numbers in words, so the chart reads without the web page: number, milestone, its focus areas, its state.
    private Column TimelineKey(BriefingTimeline timeline)
    {
        var numbers = BriefingCharts.Numbers(timeline);
        var lanes = timeline.Layout.Lanes.SelectMany(l => l.Items.Select(i => (i.MilestoneId, l.Label))).ToLookup(x => x.MilestoneId, x => x.Label);
        var titles = timeline.Layout.Lanes.SelectMany(l => l.Items).GroupBy(i => i.MilestoneId).ToDictionary(g => g.Key, g => g.First().Title);
        var milestones = model.FocusAreas.SelectMany(a => a.Milestones).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        var rows = numbers.OrderBy(n => n.Value).Select(n => new TableRow(
        [
            new TableCell(n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), styles.CellStrong),
            new TableCell(titles[n.Key]),
            new TableCell(string.Join("; ", lanes[n.Key].Distinct())),
            milestones.TryGetValue(n.Key, out var m) ? new TableCell(m.TimingText) : new TableCell(string.Empty),
        ])).ToList();
        return Column.Section(
            new Paragraph("Nøgle til tidslinjen", styles.Heading2),
            new Spacer(4),
            new Table([new TableColumn("Nr.", 0.6f, TextAlign.Right), new TableColumn("Milepæl", 4f), new TableColumn("Fokusområde", 3.2f), new TableColumn("Tidspunkt", 1.8f)], rows, styles.Table));
    }

    // A large plan as counts per focus area and year of the expected date (forecast, else planned end); today's year is marked.
    private Table TimelineSummary(BriefingTimeline timeline)
    {
        var items = timeline.Layout.Lanes.Select(l => (l.Label, Items: l.Items.Select(i => (Year: (timeline.Forecasts.TryGetValue(i.MilestoneId, out var f) ? f : i.End).Year, Overdue: timeline.Overdue.Contains(i.MilestoneId))).ToList())).ToList();
        var years = items.SelectMany(l => l.Items.Select(i => i.Year)).Append(timeline.Today.Year).Distinct().Order().ToList();
        string Year(int year) => year == timeline.Today.Year ? $"{year} (i dag)" : year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Cell(IEnumerable<(int Year, bool Overdue)> cell)
        {
            var list = cell.ToList();
            var overdue = list.Count(i => i.Overdue);
            return list.Count == 0 ? "–" : overdue == 0 ? $"{list.Count}" : $"{list.Count} ({overdue} over tid)";
        }

        return new Table(
            [new TableColumn("Fokusområde", 3f), .. years.Select(y => new TableColumn(Year(y), 1.4f, TextAlign.Right))],
            items.Select(l => new TableRow([new TableCell(l.Label, styles.CellStrong), .. years.Select(y => new TableCell(Cell(l.Items.Where(i => i.Year == y))))])).ToList(),
            styles.Table);
    }

    private Column FocusAreas()
    {
        var areas = model.FocusAreas.Select(area =>
        {
            var title = area.Number > 0 ? $"{area.Number}. {area.Title}" : area.Title;
            var alsoHere = area.AlsoHere ?? [];
            IElement content = area.Milestones.Count > 0 ? MilestoneTable(area.Milestones)
                : alsoHere.Count > 0 ? new Spacer(0)
                : new Paragraph("Ingen milepæle i dette fokusområde.", styles.Note);
            IElement note = alsoHere.Count == 0
                ? new Spacer(0)
                : new Paragraph((area.Milestones.Count == 0 ? "Fokusområdets milepæle står " : "Desuden hører disse milepæle til fokusområdet. De står ") + string.Join(", og ", alsoHere) + ".", styles.Note);
            return (IElement)Column.Section(new Paragraph(title, styles.Heading2), new Spacer(4), content, new Spacer(area.Milestones.Count > 0 && alsoHere.Count > 0 ? 4 : 0), note, new Spacer(14));
        }).ToList();
        return areas.Count == 0
            ? Section([Heading("Milepæle pr. fokusområde"), new Paragraph("Strategien har ingen fokusområder.", styles.Body)])
            : Section([Heading("Milepæle pr. fokusområde"), new Spacer(2), areas[0]], [.. areas.Skip(1)]);
    }

    private Table MilestoneTable(IReadOnlyList<BriefingMilestone> milestones) => new(
        [
            new TableColumn("Milepæl", 3f),
            new TableColumn("Tidspunkt", 1.7f),
            new TableColumn("Status", 1.5f),
            new TableColumn("Fremdrift", 1.3f, TextAlign.Right),
            new TableColumn("Prognose", 1.5f),
            new TableColumn("Seneste kommentar", 3.2f),
        ],
        milestones.Select(m => new TableRow(
        [
            new TableCell(m.SharedText is null ? m.Title : $"{m.Title}\n{m.SharedText}", styles.CellStrong),
            new TableCell(m.TimingText),
            Status(m),
            new TableCell(m.ProgressText),
            new TableCell(m.ForecastText),
            new TableCell(m.LatestComment ?? string.Empty),
        ])).ToList(),
        styles.Table);

    private Column Changes()
    {
        var changes = model.Changes;
        IElement content = changes.Items.Count == 0
            ? new Paragraph("Der er ikke registreret statusændringer i perioden.", styles.Body)
            : new Table(
                [
                    new TableColumn("Dato", 1.7f),
                    new TableColumn("Milepæl", 2.8f),
                    new TableColumn("Ændring", 2.6f),
                    new TableColumn("Kommentar", 4f),
                ],
                changes.Items.Select(c => new TableRow(
                [
                    new TableCell(c.AtText),
                    new TableCell(c.MilestoneArchived ? $"{c.MilestoneTitle} (arkiveret)" : c.MilestoneTitle, styles.CellStrong),
                    new TableCell($"{c.KindText}: {c.ChangeText}"),
                    new TableCell(string.Join(" – ", new[] { c.Comment, c.UpdatedByName }.Where(part => !string.IsNullOrWhiteSpace(part)))),
                ])).ToList(),
                styles.Table);
        return Section([Heading("Ændringer siden sidste orientering"), new Paragraph(changes.SinceText, styles.Note), new Spacer(4), content]);
    }

    private Column ComingUp()
    {
        var coming = model.ComingUp;
        IElement content = coming.Items.Count == 0
            ? new Paragraph("Ingen milepæle er planlagt i perioden.", styles.Body)
            : new Table(
                [
                    new TableColumn("Milepæl", 3.4f),
                    new TableColumn("Tidspunkt", 1.8f),
                    new TableColumn("Status", 1.6f),
                    new TableColumn("Prognose", 1.6f),
                    new TableColumn("Ansvarlig", 2f),
                ],
                coming.Items.Select(m => new TableRow(
                [
                    new TableCell(m.Title, styles.CellStrong),
                    new TableCell(m.TimingText),
                    Status(m),
                    new TableCell(m.ForecastText),
                    new TableCell(m.OwnerName ?? "Ikke angivet"),
                ])).ToList(),
                styles.Table);
        return Section([Heading("Kommende milepæle"), new Paragraph(coming.PeriodText, styles.Note), new Spacer(4), content]);
    }

    private Column Attention() => Section(
        [
            Heading("Over tid og i risiko"),
            Column.Section(new Paragraph("Over tid", styles.Heading2), new Spacer(4), AttentionTable(model.Overdue, "Ingen åbne milepæle er over tid."), new Spacer(12)),
        ],
        Column.Section(new Paragraph("I risiko eller forsinket", styles.Heading2), new Spacer(4), AttentionTable(model.AtRisk, "Ingen milepæle er meldt i risiko eller forsinket.")));

    private IElement AttentionTable(IReadOnlyList<BriefingAttentionItem> items, string none) => items.Count == 0
        ? new Paragraph(none, styles.Body)
        : new Table(
            [
                new TableColumn("Milepæl", 3f),
                new TableColumn("Status", 1.6f),
                new TableColumn("Ansvarlig", 1.9f),
                new TableColumn("Begrundelse", 4f),
            ],
            items.Select(i => new TableRow(
            [
                new TableCell(i.Milestone.Title, styles.CellStrong),
                Status(i.Milestone),
                new TableCell(i.Milestone.OwnerName ?? "Ikke angivet"),
                new TableCell(i.Reason),
            ])).ToList(),
            styles.Table);

    private Column Budget()
    {
        var budget = model.Budget;
        if (budget.Initiatives.Count == 0)
        {
            return Section([Heading("Budgetinitiativer"), new Paragraph("Strategien har ingen budgetinitiativer.", styles.Body)]);
        }

        var yearColumns = budget.Years.Select(y => new TableColumn(y.ToString(System.Globalization.CultureInfo.InvariantCulture), 1.5f, TextAlign.Right));
        var rows = budget.Initiatives.Select(b => new TableRow(
        [
            new TableCell($"{b.Title}\n{b.BudgetSketch}", styles.CellStrong),
            new TableCell(b.DecisionStateText),
            .. b.AmountsText.Select(a => new TableCell(a)),
        ])).ToList();
        if (budget.Years.Count > 0)
        {
            rows.Add(new TableRow([new TableCell("I alt", styles.CellStrong), new TableCell(string.Empty), .. budget.TotalsText.Select(t => new TableCell(t, styles.CellStrong))]));
            if (budget.SetAsideTotalsText is { } setAside)
            {
                rows.Add(new TableRow([new TableCell("Afvist og udskudt (ikke med i I alt)"), new TableCell(string.Empty), .. setAside.Select(t => new TableCell(t))]));
            }
        }

        var notes = budget.Initiatives.Where(b => !string.IsNullOrWhiteSpace(b.DecisionNote)).Select(b => (IElement)new Paragraph($"{b.Title}: {b.DecisionNote}", styles.Note));
        return Section(
        [
            Heading("Budgetinitiativer"),
            new Paragraph(budget.Years.Count > 0 ? "Beløb pr. år i hele kroner. I alt omfatter de besluttede og de foreslåede initiativer; afviste og udskudte står for sig." : "Planen angiver endnu ingen beløb.", styles.Note),
            new Spacer(4),
            new Table([new TableColumn("Initiativ", 2.6f), new TableColumn("Beslutning", 1.4f), .. yearColumns], rows, styles.Table),
        ],
        [new Spacer(6), .. notes]);
    }

    private Table StatusLegend()
    {
        var states = model.Summary.StatusCounts;
        return new Table(
            states.Select(_ => new TableColumn(string.Empty, 1)).ToList(),
            [new TableRow(states.Select(c => new TableCell(c.StatusText, styles.Note, BriefingStyles.StateColor(c.State))).ToList())],
            styles.Table with { StripeBackground = null, RuleColor = SkiaSharp.SKColors.Transparent, PaddingX = 0 },
            showHeader: false);
    }

    // The reported status, and "over tid" by the same rule as the headline and the chart.
    private static TableCell Status(BriefingMilestone m) => new(
        m.State == BriefingState.Overdue ? $"{m.StatusText}, over tid" : m.StatusText,
        Marker: BriefingStyles.StateColor(m.State));

    private Column Heading(string text) => new(new Paragraph(text, styles.Heading1), new Spacer(3));

    // A section opens with some air, and its heading and introduction never stand alone at the foot of a page.
    private static Column Section(IReadOnlyList<IElement> keptTogether, params IElement[] rest) =>
        new([new Spacer(10), Column.Section(keptTogether[0], [.. keptTogether.Skip(1)]), .. rest, new Spacer(14)]);
}
