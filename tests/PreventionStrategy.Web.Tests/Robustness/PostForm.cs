using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PreventionStrategy.Web.Tests.Robustness;

public enum FieldKind
{
    FreeText,
    Hidden,
    Number,
    Date,
    Time,
    Select,
    Flag,
    IdChoice,
    File,
}

/// <summary>A field as the form offers it: its value when the page was shown (null when a browser would not send it: an unchecked box) and the choices it offers.</summary>
public sealed record FormField(string Name, string? Value, FieldKind Kind, IReadOnlyList<string> Choices)
{
    /// <summary>"Input.KeyDates[0].Label" and "Input.KeyDates[1].Label" are one field for the battery.</summary>
    public string Family => Regex.Replace(Name, @"\[[^\]]*\]", "[]");
}

/// <summary>
/// A <c>&lt;form method=post&gt;</c> read off a page the way a browser sees it: where it posts
/// (one variant per submit button with its own formaction), and its fields in order.
/// </summary>
public sealed partial class PostForm
{
    /// <summary>Handlers that delete, archive, restore, send or start something: posted with bad ids only.</summary>
    private static readonly HashSet<string> Destructive = new(StringComparer.OrdinalIgnoreCase)
    {
        "Delete", "Restore", "Resend", "Revoke", "RevokeStrategy", "Regenerate", "RegenerateStrategy", "Run", "Retry", "Toggle", "OptIn", "OptOut",
        "EndSessions", "ResetPassword", "RecoveryCodes", "Disable", "ResetKey",
    };

    private PostForm(string action, bool multipart, IReadOnlyList<FormField> fields, int index, bool isAlternate)
    {
        Action = action;
        IsMultipart = multipart;
        Fields = fields;
        Index = index;
        IsAlternate = isAlternate;
    }

    /// <summary>
    /// Another button of a form with several (preview, download, issue): the same fields, checked by
    /// the same code, so the battery runs in full on the last button only.
    /// </summary>
    public bool IsAlternate { get; }

    /// <summary>Path and query the form posts to.</summary>
    public string Action { get; }

    public bool IsMultipart { get; }

    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>The form's place among the page's post forms, to find it again after the page is reloaded.</summary>
    public int Index { get; }

    public string? Handler => HandlerPattern().Match(Action) is { Success: true } match ? Uri.UnescapeDataString(match.Groups[1].Value) : null;

    public bool IsDestructive => Handler is { } handler && Destructive.Contains(handler);

    public string Path => Action.Split('?')[0];

    /// <summary>Same target (ids masked) and same fields: the same form, wherever it is shown.</summary>
    public string Signature => $"{DigitsPattern().Replace(Path, "#")}?handler={Handler} [{string.Join(",", Fields.Select(f => f.Family).Distinct())}]";

    public static IReadOnlyList<PostForm> Read(IHtmlDocument page, string pageUrl)
    {
        var forms = new List<PostForm>();
        var index = 0;
        foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = ReadFields(form);
            var action = form.GetAttribute("action") is { Length: > 0 } own ? own : pageUrl;
            var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            var buttons = form.QuerySelectorAll("button, input[type=submit]")
                .Where(b => b is not IHtmlButtonElement button || string.IsNullOrEmpty(button.GetAttribute("type")) || button.GetAttribute("type") == "submit")
                .ToList();
            var targets = buttons.Select(b => (Action: b.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : action, Button: b)).ToList();
            var groups = targets.Count == 0 ? [(action, null!)] : targets.GroupBy(t => t.Action).Select(g => g.First()).ToList();
            for (var i = 0; i < groups.Count; i++)
            {
                var group = groups[i];
                var withButton = group.Button?.GetAttribute("name") is { Length: > 0 } name
                    ? [.. fields, new FormField(name, group.Button.GetAttribute("value") ?? string.Empty, FieldKind.Hidden, [])]
                    : fields;
                forms.Add(new PostForm(group.Action, multipart, withButton, index++, isAlternate: i < groups.Count - 1));
            }
        }

        return forms;
    }

    /// <summary>What a browser would post as the form stands.</summary>
    public List<KeyValuePair<string, string>> Values() =>
        Fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)).ToList();

    private static List<FormField> ReadFields(IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "reset" or "image" }:
                case IHtmlButtonElement:
                    continue;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    var group = form.Elements.OfType<IHtmlInputElement>().Where(i => i.GetAttribute("name") == name).Select(i => i.Value).ToList();
                    var flag = box.Value is "true" or "false" && !IsIdName(name);
                    fields.Add(new FormField(name, box.IsChecked ? box.Value : null, flag ? FieldKind.Flag : FieldKind.IdChoice, group));
                    break;
                case IHtmlInputElement input:
                    fields.Add(new FormField(name, input.Value, KindOf(input, name), []));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new FormField(name, area.Value, FieldKind.FreeText, []));
                    break;
                case IHtmlSelectElement select:
                    var choices = select.Options.Select(o => o.Value).ToList();
                    var selected = select.SelectedOptions.Select(o => o.Value).FirstOrDefault() ?? choices.FirstOrDefault();
                    fields.Add(new FormField(name, selected, FieldKind.Select, choices));
                    break;
            }
        }

        return fields;
    }

    private static FieldKind KindOf(IHtmlInputElement input, string name) => input.Type switch
    {
        "number" => FieldKind.Number,
        "date" => FieldKind.Date,
        "time" => FieldKind.Time,
        "file" => FieldKind.File,
        "hidden" when name.EndsWith("Version", StringComparison.OrdinalIgnoreCase) => FieldKind.Number,
        "hidden" when input.Value is "true" or "false" => FieldKind.Flag,
        "hidden" => FieldKind.Hidden,
        _ => FieldKind.FreeText,
    };

    public static bool IsIdName(string name) => IdNamePattern().IsMatch(name);

    [GeneratedRegex(@"[?&]handler=([^&]*)", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"(^|\.)(id|[A-Za-z]+Ids?)$")]
    private static partial Regex IdNamePattern();
}
