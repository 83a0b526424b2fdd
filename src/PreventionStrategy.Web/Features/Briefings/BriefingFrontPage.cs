using PreventionStrategy.Web.Features.Briefings.Layout;
using PreventionStrategy.Web.Features.FocusAreas;
using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// Page 1: the verdict a committee member reads in five minutes. Who and when (committee, meeting, date), the overall
/// state, each focus area's status (word, symbol and colour), the decisions the committee is asked to take, the three
/// most important changes since the last meeting (<see cref="BriefingHighlights"/>) and the administration's remarks.
/// </summary>
public sealed class BriefingFrontPage(BriefingModel model, BriefingStyles styles)
{
    public Column Compose() => new(
        Masthead(),
        new Spacer(12),
        Verdict(),
        new Spacer(12),
        FocusAreaStatuses(),
        new Spacer(12),
        Decisions(),
        new Spacer(12),
        TopChanges(),
        new Spacer(12),
        Remarks());

    public static SKColor StatusColor(FocusAreaStatus status) => status switch
    {
        FocusAreaStatus.OffTrack => BriefingStyles.StateColor(BriefingState.Delayed),
        FocusAreaStatus.NeedsAttention => BriefingStyles.StateColor(BriefingState.AtRisk),
        _ => BriefingStyles.StateColor(BriefingState.Done),
    };

    private Column Masthead()
    {
        var h = model.Header;
        return new Column(
            new Paragraph("Orientering til " + h.CommitteeName, styles.Subtitle),
            new Spacer(4),
            new Paragraph(h.StrategyName, styles.Title),
            new Spacer(6),
            new Paragraph(
                (h.MeetingDateText is null ? "Status uden for et udvalgsmøde" : $"Til udvalgsmødet {h.MeetingDateText}") + $" · Udarbejdet {h.GeneratedAtText} · {h.Municipality}, {h.Division}",
                styles.Note));
    }

    private Column Verdict() => Column.Section(
        new Paragraph($"Samlet status: {model.Summary.OverallStateText}", styles.Heading2),
        new Spacer(2),
        new Paragraph(model.Summary.OverallExplanation, styles.Body));

    private Column FocusAreaStatuses()
    {
        var areas = model.FocusAreas.Where(a => a.Status is not null).ToList();
        IElement content = areas.Count == 0
            ? new Paragraph("Strategien har ingen fokusområder.", styles.Body)
            : new Table(
                [new TableColumn("Fokusområde", 3f), new TableColumn("Status", 2f), new TableColumn("Grundlag", 4.2f)],
                areas.Select(a => new TableRow(
                [
                    new TableCell(a.Number > 0 ? $"{a.Number}. {a.Title}" : a.Title, styles.CellStrong),
                    new TableCell($"{a.Status!.Symbol} {a.Status.StatusText}", styles.CellStrong, StatusColor(a.Status.Status)),
                    new TableCell(a.Status.BasisText),
                ])).ToList(),
                styles.Table);
        return Column.Section(new Paragraph("Status pr. fokusområde", styles.Heading2), new Spacer(2),
            new Paragraph("✓ På sporet · ! Kræver opmærksomhed · × Ude af kurs. Reglen: ude af kurs, når en milepæl er over tid eller forsinket; kræver opmærksomhed, når en er i risiko.", styles.Note),
            new Spacer(4), content);
    }

    private Column Decisions()
    {
        var open = model.Decisions.Where(d => !d.IsAnswered).ToList();
        var answered = model.Decisions.Where(d => d.IsAnswered).ToList();
        var parts = new List<IElement>();
        if (open.Count == 0)
        {
            parts.Add(new Paragraph("Udvalget bliver ikke bedt om at træffe beslutninger denne gang.", styles.Body));
        }
        else
        {
            parts.Add(new Table(
                [new TableColumn("Udvalget bedes", 3.6f), new TableColumn("Milepæl", 2.6f), new TableColumn("Ansvarlig", 1.8f), new TableColumn("Møde", 1.6f)],
                open.Select(d => new TableRow(
                [
                    new TableCell(d.Question, styles.CellStrong),
                    new TableCell(d.MilestoneTitle),
                    new TableCell(d.OwnerName ?? "Ikke angivet"),
                    new TableCell(d.MeetingText ?? model.Header.MeetingDateText ?? "Næste møde"),
                ])).ToList(),
                styles.Table));
        }

        if (answered.Count > 0)
        {
            parts.Add(new Spacer(6));
            parts.Add(new Paragraph("Besluttet siden sidst", styles.BodyStrong));
            parts.Add(new Spacer(2));
            parts.Add(new Table(
                [new TableColumn("Beslutning", 3.6f), new TableColumn("Milepæl", 2.6f), new TableColumn("Svar", 3.4f)],
                answered.Select(d => new TableRow(
                [
                    new TableCell(d.Question, styles.CellStrong),
                    new TableCell(d.MilestoneTitle),
                    new TableCell(string.IsNullOrWhiteSpace(d.AnswerNote) ? d.AnswerText! : $"{d.AnswerText}: {d.AnswerNote}"),
                ])).ToList(),
                styles.Table));
        }

        return Column.Section(new Paragraph("Til beslutning", styles.Heading2), [new Spacer(4), .. parts]);
    }

    private Column TopChanges()
    {
        var top = BriefingHighlights.TopChanges(model.Changes);
        var total = model.Changes.Items.Count;
        IElement content = top.Count == 0
            ? new Paragraph("Der er ikke registreret statusændringer siden sidste møde.", styles.Body)
            : new Table(
                [new TableColumn("Milepæl", 3f), new TableColumn("Ændring", 3.4f), new TableColumn("Dato", 1.6f)],
                top.Select(c => new TableRow(
                [
                    new TableCell(c.MilestoneArchived ? $"{c.MilestoneTitle} (arkiveret)" : c.MilestoneTitle, styles.CellStrong),
                    new TableCell($"{c.KindText}: {c.ChangeText}"),
                    new TableCell(c.AtText),
                ])).ToList(),
                styles.Table);
        var more = total > top.Count ? $"{total} ændringer i alt; alle står under Ændringer siden sidste orientering." : string.Empty;
        return Column.Section(
            new Paragraph("Vigtigste ændringer siden sidste møde", styles.Heading2),
            new Spacer(2),
            new Paragraph("Forsinkelser først, så nye risici, så gennemførte milepæle; en milepæl tæller én gang.", styles.Note),
            new Spacer(4),
            content,
            new Spacer(more.Length == 0 ? 0 : 3),
            more.Length == 0 ? new Spacer(0) : new Paragraph(more, styles.Note));
    }

    private Column Remarks() => Column.Section(
        new Paragraph("Forvaltningens bemærkninger", styles.Heading2),
        new Spacer(2),
        new Paragraph(model.Summary.Statement ?? "Forvaltningen har ingen bemærkninger til denne orientering.", model.Summary.Statement is null ? styles.Body : styles.Statement));
}
