namespace PreventionStrategy.Web.Features.Briefings.Layout;

/// <summary>Label and value pairs ("Udvalg: Børne- og Ungdomsudvalget"): a header-less two-column table, so pairs keep together like rows.</summary>
public static class KeyValueBlock
{
    public static IElement Create(IEnumerable<(string Key, string Value)> pairs, TableStyle style, TextStyle keyStyle, float keyShare = 0.3f) =>
        new Table(
            [new TableColumn(string.Empty, keyShare), new TableColumn(string.Empty, 1 - keyShare)],
            pairs.Select(p => new TableRow([new TableCell(p.Key, keyStyle), new TableCell(p.Value)])).ToArray(),
            style,
            showHeader: false);
}
