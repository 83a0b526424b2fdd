using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Timeline;

/// <summary>
/// SVG markup for the timeline page. The items are written in one pass: at 50 times the Norddjurs
/// plan there are over a thousand, and writing them through Razor element by element was most of
/// the page's time. Text elements are written here too, because Razor reserves &lt;text&gt;.
/// </summary>
public static class TimelineSvg
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Write(
        TimelineChart chart,
        Func<int, string>? detailsUrl,
        IReadOnlyDictionary<int, string> timingTexts,
        IReadOnlyDictionary<MilestoneStatus, string> statusTexts,
        string overdueWord)
    {
        var svg = new StringBuilder(chart.Items.Count * 420);
        foreach (var item in chart.Items)
        {
            var centre = item.Y + (TimelineChart.RowHeight / 2);
            var title = Shorten(item.Title);
            var label = $"{TimelineMarks.Symbol(item.Status)} {TimelineChart.LabelText(title, item.IsOverdue, overdueWord)}";
            var name = Encoder.Encode(TimelineChart.LabelText($"{item.Title} – {timingTexts[item.MilestoneId]} – {statusTexts[item.Status]}", item.IsOverdue, overdueWord));

            // The link's name is the whole title, timing and status, not the drawn label (cut short, with a status symbol).
            // Without a details page to go to (a shared link), the item is drawing with its title only.
            if (detailsUrl is not null)
            {
                svg.Append("<a href=\"").Append(Encoder.Encode(detailsUrl(item.MilestoneId))).Append("\" aria-label=\"").Append(name).Append("\">");
            }

            svg.Append("<g class=\"timeline-item\" data-milestone-id=\"").Append(item.MilestoneId.ToString(CultureInfo.InvariantCulture))
                .Append("\" data-lane=\"").Append(Encoder.Encode(item.LaneKey))
                .Append("\" data-start=\"").Append(Iso(item.Start))
                .Append("\" data-end=\"").Append(Iso(item.End))
                .Append("\" data-kind=\"").Append(item.IsPoint ? "point" : "bar")
                .Append("\" data-status=\"").Append(item.Status)
                .Append(item.IsOverdue ? "\" data-overdue=\"true" : string.Empty).Append("\">")
                .Append("<title>").Append(name).Append("</title>");
            if (item.IsPoint)
            {
                if (item.IsOverdue)
                {
                    // The overdue mark is a shape as well as the word: a heavy ring around the status mark.
                    svg.Append("<circle class=\"timeline-overdue-mark\" cx=\"").Append(N(item.X)).Append("\" cy=\"").Append(N(centre)).Append("\" r=\"10\" />");
                }

                svg.Append("<path class=\"timeline-mark status-").Append(item.Status).Append("\" d=\"").Append(TimelineMarks.Path(item.Status, item.X, centre, 7)).Append("\" />");
            }
            else
            {
                svg.Append("<rect class=\"timeline-bar status-").Append(item.Status)
                    .Append("\" x=\"").Append(N(item.X)).Append("\" y=\"").Append(N(item.Y + 3))
                    .Append("\" width=\"").Append(N(item.Width)).Append("\" height=\"").Append(N(TimelineChart.RowHeight - 6)).Append("\" rx=\"3\" />");
                if (item.IsOverdue)
                {
                    // A heavy double outline around the bar: a shape, besides the word, for "overdue".
                    svg.Append("<rect class=\"timeline-overdue-mark\" x=\"").Append(N(item.X - 2)).Append("\" y=\"").Append(N(item.Y + 1))
                        .Append("\" width=\"").Append(N(item.Width + 4)).Append("\" height=\"").Append(N(TimelineChart.RowHeight - 2)).Append("\" rx=\"4\" />");
                }
            }

            AppendText(svg, item.IsOverdue ? "timeline-item-label timeline-overdue-label" : "timeline-item-label", item.LabelX, centre + 4, label, null);

            svg.Append(detailsUrl is null ? "</g>\n" : "</g></a>\n");
        }

        return new HtmlString(svg.ToString());
    }

    /// <summary>The table alternative's body rows for one lane, written the same way for the same reason.</summary>
    public static IHtmlContent TableRows(
        TimelineLane lane,
        Func<int, string> detailsUrl,
        IReadOnlyDictionary<int, string> timingTexts,
        IReadOnlyDictionary<MilestoneStatus, string> statusTexts,
        IReadOnlySet<int> overdue,
        string overdueWord)
    {
        var html = new StringBuilder(lane.Items.Count * 200);
        foreach (var item in lane.Items)
        {
            html.Append("<tr><td><a href=\"").Append(Encoder.Encode(detailsUrl(item.MilestoneId))).Append("\">").Append(Encoder.Encode(item.Title)).Append("</a></td><td>")
                .Append(Encoder.Encode(timingTexts[item.MilestoneId])).Append("</td><td>")
                .Append("<span aria-hidden=\"true\">").Append(TimelineMarks.Symbol(item.Status)).Append("</span> ").Append(Encoder.Encode(statusTexts[item.Status]))
                .Append(overdue.Contains(item.MilestoneId) ? $" <strong class=\"overdue\">{Encoder.Encode(overdueWord)}</strong>" : string.Empty).Append("</td></tr>\n");
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>A lane's name in lines (tspans), the whole name as its tooltip.</summary>
    public static IHtmlContent LaneLabel(ChartLane lane, double x)
    {
        var svg = new StringBuilder("<text class=\"timeline-lane-label\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(lane.Y + 20)).Append("\">");
        for (var i = 0; i < lane.LabelLines.Count; i++)
        {
            svg.Append("<tspan x=\"").Append(N(x)).Append("\" dy=\"").Append(i == 0 ? "0" : N(TimelineChart.LaneLabelLineHeight)).Append("\">").Append(Encoder.Encode(lane.LabelLines[i])).Append("</tspan>");
        }

        return new HtmlString(svg.Append("<title>").Append(Encoder.Encode(lane.Label)).Append("</title></text>").ToString());
    }

    /// <summary>One SVG text element, with an optional tooltip (the whole of a shortened label).</summary>
    public static IHtmlContent Text(string cssClass, double x, double y, string content, string? title = null) =>
        new HtmlString(AppendText(new StringBuilder(), cssClass, x, y, content, title).ToString());

    /// <summary>
    /// A title that fits the chart, cut after a whole word: the drawn label must read as the start of the link's name
    /// (WCAG 2.5.3, label in name), and half a word is not.
    /// </summary>
    public static string Shorten(string title)
    {
        if (title.Length <= TimelineChart.MaxLabelCharacters)
        {
            return title;
        }

        var cut = title[..(TimelineChart.MaxLabelCharacters - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > TimelineChart.MaxLabelCharacters / 2 ? cut[..space] : cut).TrimEnd(' ', ',', '-', '–') + "…";
    }

    /// <summary>A coordinate as SVG wants it: invariant culture, one decimal at most.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StringBuilder AppendText(StringBuilder svg, string cssClass, double x, double y, string content, string? title)
    {
        svg.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\">").Append(Encoder.Encode(content));
        if (title is not null)
        {
            svg.Append("<title>").Append(Encoder.Encode(title)).Append("</title>");
        }

        return svg.Append("</text>");
    }
}
