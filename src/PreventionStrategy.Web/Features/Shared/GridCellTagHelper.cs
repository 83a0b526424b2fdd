using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// One input in a table of inputs (a target per year, a value per period and category): a label for
/// screen readers only, the error message and the control, wired with ids and aria-describedby as
/// <see cref="FormFieldTagHelper"/> does for a whole form group.
/// <code>&lt;grid-cell asp-for="Input.Targets[i].Year" label="År, række 1" /&gt;</code>
/// </summary>
[HtmlTargetElement("grid-cell", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GridCellTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    /// <summary>The label read out for the cell, e.g. "Netværkspleje, 2025".</summary>
    public required string Label { get; set; }

    /// <summary>text (default), number or select.</summary>
    public string Type { get; set; } = "text";

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The input's width class (DKFDS input-width-*).</summary>
    public string Width { get; set; } = "input-width-s";

    /// <summary>An element id that describes every cell (the grid's hint).</summary>
    public string? DescribedBy { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var entry = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var found) ? found : null;
        var error = entry?.Errors.FirstOrDefault()?.ErrorMessage;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "form-group mt-0" : "form-group mt-0 form-error");

        var describedBy = new List<string>();
        var content = output.Content;
        var label = new TagBuilder("label");
        label.AddCssClass("sr-only");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        content.AppendHtml(label);

        if (error is not null)
        {
            var message = new TagBuilder("span");
            message.AddCssClass("form-error-message");
            message.Attributes["id"] = id + "-error";
            var prefix = new TagBuilder("span");
            prefix.AddCssClass("sr-only");
            prefix.InnerHtml.Append(localizer["Form.ErrorPrefix"]);
            message.InnerHtml.AppendHtml(prefix);
            message.InnerHtml.Append(error);
            content.AppendHtml(message);
            describedBy.Add(id + "-error");
        }

        if (!string.IsNullOrEmpty(DescribedBy))
        {
            describedBy.Add(DescribedBy);
        }

        var attributes = new Dictionary<string, object?>();
        if (describedBy.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(" ", describedBy);
        }

        if (error is not null)
        {
            attributes["aria-invalid"] = "true";
        }

        if (Type == "select")
        {
            attributes["class"] = "form-select " + Width;
            content.AppendHtml(generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: null, name, Items ?? [], allowMultiple: false, attributes));
            return;
        }

        attributes["class"] = "form-input " + Width;
        attributes["type"] = Type;
        if (Type == "number")
        {
            attributes["inputmode"] = "numeric";
        }

        content.AppendHtml(generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: null, attributes));
    }
}
