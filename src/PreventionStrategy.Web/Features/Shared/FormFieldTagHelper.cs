using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Html;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// One DKFDS form group: label, optional hint, the error message and the control, wired together
/// with ids and aria-describedby. Every form in the site uses it, so accessibility is fixed in one place.
/// <code>&lt;form-field asp-for="Input.Title" /&gt;</code>
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>text (default), textarea, select, date, time, number, email, password, checkbox.</summary>
    public string Type { get; set; } = "text";

    public string? Hint { get; set; }

    /// <summary>The first option of a select, for "none" or "choose".</summary>
    public string? EmptyOption { get; set; }

    public string? Autocomplete { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The name with the partial's prefix (a partial rendered with for="Input.Timing" adds "Input.Timing.").</summary>
    private string FullName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var fullName = FullName;
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0
            ? entry.Errors.Select(e => e.ErrorMessage).ToList()
            : [];

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "form-group form-error" : "form-group");

        var describedBy = new List<string>();
        var content = output.Content;

        if (Type == "checkbox")
        {
            // The generator converts the posted value to a boolean to tick the box again, and throws on
            // anything else ("abc"): show the box as the model has it; the binding error stays in the summary.
            if (entry?.AttemptedValue is { } attempted && !attempted.Split(',').All(v => bool.TryParse(v, out _)))
            {
                ViewContext.ViewData.ModelState.SetModelValue(fullName, For.Model, Convert.ToString(For.Model, System.Globalization.CultureInfo.InvariantCulture));
            }

            content.AppendHtml(ErrorMessage(id, errors, describedBy));
            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass("form-group-checkbox");
            wrapper.InnerHtml.AppendHtml(generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, isChecked: null, htmlAttributes: Attributes("form-checkbox", describedBy)));
            wrapper.InnerHtml.AppendHtml(generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null, htmlAttributes: null));
            content.AppendHtml(wrapper);
            content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name));
            return;
        }

        content.AppendHtml(generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null, htmlAttributes: new { @class = "form-label" }));
        if (!string.IsNullOrEmpty(Hint))
        {
            var hint = new TagBuilder("span");
            hint.AddCssClass("form-hint");
            hint.Attributes["id"] = id + "-hint";
            hint.InnerHtml.Append(Hint);
            content.AppendHtml(hint);
            describedBy.Add(id + "-hint");
        }

        content.AppendHtml(ErrorMessage(id, errors, describedBy));
        content.AppendHtml(Control(name, describedBy));
    }

    private IHtmlContent ErrorMessage(string id, List<string> errors, List<string> describedBy)
    {
        if (errors.Count == 0)
        {
            return HtmlString.Empty;
        }

        var message = new TagBuilder("span");
        message.AddCssClass("form-error-message");
        message.Attributes["id"] = id + "-error";
        var prefix = new TagBuilder("span");
        prefix.AddCssClass("sr-only");
        prefix.InnerHtml.Append(localizer["Form.ErrorPrefix"]);
        message.InnerHtml.AppendHtml(prefix);
        message.InnerHtml.Append(string.Join(" ", errors));
        describedBy.Add(id + "-error");
        return message;
    }

    private IHtmlContent Control(string name, List<string> describedBy)
    {
        switch (Type)
        {
            case "textarea":
                return generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, rows: 5, columns: 0, htmlAttributes: Attributes("form-input", describedBy));
            case "select":
                return generator.GenerateSelect(ViewContext, For.ModelExplorer, EmptyOption, name, Items ?? [], allowMultiple: false, htmlAttributes: Attributes("form-select", describedBy));
            default:
                var attributes = Attributes("form-input", describedBy);
                attributes["type"] = Type;
                var format = Type switch
                {
                    "date" => "{0:yyyy-MM-dd}",
                    "time" => "{0:HH:mm}",
                    _ => null,
                };
                var value = Type == "password" ? null : For.Model;
                if (Type == "number")
                {
                    attributes["inputmode"] = "numeric";
                }

                return generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, value, format, attributes);
        }
    }

    private Dictionary<string, object?> Attributes(string cssClass, List<string> describedBy)
    {
        var attributes = new Dictionary<string, object?> { ["class"] = cssClass };
        if (describedBy.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(" ", describedBy);
        }

        if (ViewContext.ViewData.ModelState.TryGetValue(FullName, out var entry) && entry.Errors.Count > 0)
        {
            attributes["aria-invalid"] = "true";
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            attributes["autocomplete"] = Autocomplete;
        }

        return attributes;
    }
}
