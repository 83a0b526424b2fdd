using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MimeKit;

namespace PreventionStrategy.Web.Features.Email;

/// <summary>
/// Writes a message's plain-text and HTML parts together, from the same blocks, so the two always
/// say the same thing. The HTML is plain and inline-styled: mail clients ignore style sheets.
/// </summary>
public sealed class MailBody
{
    private const string Font = "font-family:'IBM Plex Sans',Arial,sans-serif;color:#1a1a1a;";

    /// <summary>Danish letters as themselves, not as numeric entities: smaller, and readable in the source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public MailBody(string heading)
    {
        text.AppendLine(heading).AppendLine(new string('=', Math.Min(heading.Length, 70))).AppendLine();
        // The viewport and overflow-wrap keep a phone's mail app from scrolling sideways on a long link or word.
        html.Append("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(Encode(heading))
            .Append("</title></head><body style=\"").Append(Font).Append("font-size:16px;line-height:1.5;margin:0;padding:24px;overflow-wrap:anywhere;word-break:break-word;\">")
            .Append("<h1 style=\"font-size:22px;margin:0 0 16px;\">").Append(Encode(heading)).Append("</h1>");
    }

    /// <summary>"Kære Anna Ørum," or, without a name, "Hej,".</summary>
    public MailBody Greeting(string? name) => Paragraph(string.IsNullOrWhiteSpace(name) ? "Hej," : $"Kære {name},");

    /// <summary>A heading over a part of the message (the digest's milestones, indicators, events).</summary>
    public MailBody Section(string heading)
    {
        text.AppendLine(heading).AppendLine(new string('-', Math.Min(heading.Length, 70)));
        html.Append("<h2 style=\"font-size:18px;margin:24px 0 8px;\">").Append(Encode(heading)).Append("</h2>");
        return this;
    }

    public MailBody Paragraph(string paragraph)
    {
        text.AppendLine(paragraph).AppendLine();
        html.Append("<p style=\"margin:0 0 16px;\">").Append(Encode(paragraph)).Append("</p>");
        return this;
    }

    /// <summary>What, when, where: label and value rows; empty values are left out.</summary>
    public MailBody Facts(params (string Label, string? Value)[] facts)
    {
        html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px;\">");
        foreach (var (label, value) in facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
        {
            text.Append(label).Append(": ").AppendLine(value);
            html.Append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:4px 16px 4px 0;\">").Append(Encode(label))
                .Append("</th><td style=\"padding:4px 0;\">").Append(EncodeLines(value!)).Append("</td></tr>");
        }

        text.AppendLine();
        html.Append("</table>");
        return this;
    }

    public MailBody Link(string label, string url)
    {
        text.Append(label).Append(": ").AppendLine(url).AppendLine();
        html.Append("<p style=\"margin:0 0 16px;\"><a href=\"").Append(Encode(url)).Append("\" style=\"color:#0059b3;font-weight:600;\">")
            .Append(Encode(label)).Append("</a></p>");
        return this;
    }

    /// <summary>A list of items, each with a link: the milestones an owner is asked to update.</summary>
    public MailBody LinkList(IEnumerable<(string Label, string Detail, string Url)> items)
    {
        html.Append("<ul style=\"margin:0 0 16px;padding-left:20px;\">");
        foreach (var (label, detail, url) in items)
        {
            text.Append("- ").Append(label).Append(" (").Append(detail).AppendLine(")").Append("  ").AppendLine(url);
            html.Append("<li style=\"margin:0 0 8px;\"><a href=\"").Append(Encode(url)).Append("\" style=\"color:#0059b3;\">").Append(Encode(label))
                .Append("</a> <span style=\"color:#555;\">(").Append(Encode(detail)).Append(")</span></li>");
        }

        text.AppendLine();
        html.Append("</ul>");
        return this;
    }

    /// <summary>Why the recipient gets this, and how to stop it.</summary>
    public MailBody Footer(string why, string optOutLabel, string optOutUrl)
    {
        text.AppendLine("--").AppendLine(why).Append(optOutLabel).Append(": ").AppendLine(optOutUrl);
        html.Append("<hr style=\"border:0;border-top:1px solid #ccc;margin:24px 0 12px;\"><p style=\"font-size:14px;color:#555;margin:0;\">")
            .Append(Encode(why)).Append(" <a href=\"").Append(Encode(optOutUrl)).Append("\" style=\"color:#0059b3;\">").Append(Encode(optOutLabel)).Append("</a></p>");
        return this;
    }

    public TextPart TextPart() => new("plain") { Text = text.ToString() };

    public TextPart HtmlPart() => new("html") { Text = html.ToString() + "</body></html>" };

    private static string Encode(string value) => Encoder.Encode(value);

    /// <summary>Each line encoded on its own, then joined with &lt;br&gt;: the encoder turns a newline into "&amp;#xA;", which shows as a space.</summary>
    private static string EncodeLines(string value) =>
        string.Join("<br>", value.ReplaceLineEndings("\n").Split('\n').Select(Encode));
}
