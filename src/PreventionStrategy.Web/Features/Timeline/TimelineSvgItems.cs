using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Timeline;

/// <summary>
/// The chart's items as SVG markup, written in one pass: at 50 times the Norddjurs plan there are
/// over a thousand, and writing them through Razor element by element was most of the page's time.
/// </summary>
public static class TimelineSvgItems
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
            var title = item.Title.Length > TimelineChart.MaxLabelCharacters ? item.Title[..(TimelineChart.MaxLabelCharacters - 1)] + "…" : item.Title;
            svg.Append("<a href=\"").Append(Encoder.Encode(detailsUrl(item.MilestoneId))).Append("\">")
                .Append("<g class=\"timeline-item\" data-milestone-id=\"").Append(item.MilestoneId.ToString(CultureInfo.InvariantCulture))
                .Append("\" data-lane=\"").Append(Encoder.Encode(item.LaneKey))
                .Append("\" data-start=\"").Append(Iso(item.Start))
                .Append("\" data-end=\"").Append(Iso(item.End))
                .Append("\" data-kind=\"").Append(item.IsPoint ? "point" : "bar")
                .Append("\" data-status=\"").Append(item.Status).Append("\">")
                .Append("<title>").Append(Encoder.Encode($"{item.Title} – {timingTexts[item.MilestoneId]} – {statusTexts[item.Status]}")).Append("</title>");
            if (item.IsPoint)
            {
                svg.Append("<path class=\"timeline-mark status-").Append(item.Status).Append("\" d=\"").Append(TimelineMarks.Path(item.Status, item.X, centre, 7)).Append("\" />");
                Text(svg, item.X + 11, centre + 4, $"{TimelineMarks.Symbol(item.Status)} {title}");
            }
            else
            {
                svg.Append("<rect class=\"timeline-bar status-").Append(item.Status)
                    .Append("\" x=\"").Append(N(item.X)).Append("\" y=\"").Append(N(item.Y + 3))
                    .Append("\" width=\"").Append(N(item.Width)).Append("\" height=\"").Append(N(TimelineChart.RowHeight - 6)).Append("\" rx=\"3\" />");
                Text(svg, item.X + 5, centre + 4, $"{TimelineMarks.Symbol(item.Status)} {title}");
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
                .Append(TimelineMarks.Symbol(item.Status)).Append(' ').Append(Encoder.Encode(statusTexts[item.Status])).Append("</td></tr>\n");
        }

        return new HtmlString(html.ToString());
    }

    private static void Text(StringBuilder svg, double x, double y, string content) =>
        svg.Append("<text class=\"timeline-item-label\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\">").Append(Encoder.Encode(content)).Append("</text>");

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
