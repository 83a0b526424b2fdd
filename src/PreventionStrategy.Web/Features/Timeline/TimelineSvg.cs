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
        Func<int, string> detailsUrl,
        IReadOnlyDictionary<int, string> timingTexts,
        IReadOnlyDictionary<MilestoneStatus, string> statusTexts)
    {
        var svg = new StringBuilder(chart.Items.Count * 420);
        foreach (var item in chart.Items)
        {
            var centre = item.Y + (TimelineChart.RowHeight / 2);
            var title = Shorten(item.Title);
            var name = Encoder.Encode($"{item.Title} – {timingTexts[item.MilestoneId]} – {statusTexts[item.Status]}");

            // The link's name is the whole title, timing and status, not the drawn label (cut short, with a status symbol).
            svg.Append("<a href=\"").Append(Encoder.Encode(detailsUrl(item.MilestoneId))).Append("\" aria-label=\"").Append(name).Append("\">")
                .Append("<g class=\"timeline-item\" data-milestone-id=\"").Append(item.MilestoneId.ToString(CultureInfo.InvariantCulture))
                .Append("\" data-lane=\"").Append(Encoder.Encode(item.LaneKey))
                .Append("\" data-start=\"").Append(Iso(item.Start))
                .Append("\" data-end=\"").Append(Iso(item.End))
                .Append("\" data-kind=\"").Append(item.IsPoint ? "point" : "bar")
                .Append("\" data-status=\"").Append(item.Status).Append("\">")
                .Append("<title>").Append(name).Append("</title>");
            if (item.IsPoint)
            {
                svg.Append("<path class=\"timeline-mark status-").Append(item.Status).Append("\" d=\"").Append(TimelineMarks.Path(item.Status, item.X, centre, 7)).Append("\" />");
                AppendText(svg, "timeline-item-label", item.X + 11, centre + 4, $"{TimelineMarks.Symbol(item.Status)} {title}", null);
            }
            else
            {
                svg.Append("<rect class=\"timeline-bar status-").Append(item.Status)
                    .Append("\" x=\"").Append(N(item.X)).Append("\" y=\"").Append(N(item.Y + 3))
                    .Append("\" width=\"").Append(N(item.Width)).Append("\" height=\"").Append(N(TimelineChart.RowHeight - 6)).Append("\" rx=\"3\" />");
                AppendText(svg, "timeline-item-label", item.X + 5, centre + 4, $"{TimelineMarks.Symbol(item.Status)} {title}", null);
            }

            svg.Append("</g></a>\n");
        }

        return new HtmlString(svg.ToString());
    }

    /// <summary>The table alternative's body rows for one lane, written the same way for the same reason.</summary>
    public static IHtmlContent TableRows(
        TimelineLane lane,
        Func<int, string> detailsUrl,
        IReadOnlyDictionary<int, string> timingTexts,
        IReadOnlyDictionary<MilestoneStatus, string> statusTexts)
    {
        var html = new StringBuilder(lane.Items.Count * 200);
        foreach (var item in lane.Items)
        {
            html.Append("<tr><td><a href=\"").Append(Encoder.Encode(detailsUrl(item.MilestoneId))).Append("\">").Append(Encoder.Encode(item.Title)).Append("</a></td><td>")
                .Append(Encoder.Encode(timingTexts[item.MilestoneId])).Append("</td><td>")
                .Append("<span aria-hidden=\"true\">").Append(TimelineMarks.Symbol(item.Status)).Append("</span> ").Append(Encoder.Encode(statusTexts[item.Status])).Append("</td></tr>\n");
        }

        return new HtmlString(html.ToString());
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
