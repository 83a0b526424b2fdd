using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Accessibility;

/// <summary>
/// A form sent back with errors tells every user what is wrong and where (WCAG 1.3.1, 3.3.1, 3.3.2, 4.1.2): an error
/// summary at the top whose links lead to the fields, each invalid field marked aria-invalid and described by its
/// message, and every field labelled.
/// </summary>
[Trait("Category", "Accessibility")]
public sealed class FormErrorTests(DemoSite site) : IClassFixture<DemoSite>
{
    public static TheoryData<string, string?, string, Dictionary<string, string>> InvalidForms => new()
    {
        { "login, empty", null, "/Identity/Account/Login", new() { ["Input.Email"] = "", ["Input.Password"] = "" } },
        { "login, wrong password", null, "/Identity/Account/Login", new() { ["Input.Email"] = DemoUsers.Staff, ["Input.Password"] = "forkert-adgangskode" } },
        {
            "new milestone", DemoUsers.Administrator, "/Milestones/Edit?strategyId={strategy}", new()
            {
                ["Input.Title"] = "", ["Input.Timing.Precision"] = "Quarter", ["Input.Timing.Year"] = "", ["Input.ProgressPercent"] = "150",
                ["Input.FocusAreaIds"] = "999999",
            }
        },
        { "milestone", DemoUsers.Administrator, "/Milestones/Edit/{milestone}", new() { ["Input.Title"] = "", ["Input.ReminderDaysBefore"] = "x" } },
        { "user invitation", DemoUsers.Administrator, "/Identity/Users/Invite", new() { ["Input.FullName"] = "", ["Input.Email"] = "ikke-en-adresse" } },
        { "status update", DemoUsers.DepartmentHead, "/Milestones/UpdateStatus/{milestone}", new() { ["Input.Status"] = "Delayed", ["Input.Comment"] = "", ["Input.ProgressPercent"] = "-1" } },
        { "budget initiative", DemoUsers.Administrator, "/Budget/Edit/{budget}", new() { ["Input.Amounts[0].Amount"] = "mange", ["Input.MilestoneIds"] = "999999" } },
        { "committee", DemoUsers.Administrator, "/Committees/Edit/{committee}", new() { ["Input.Name"] = "", ["Input.MemberIds"] = "999999" } },
        { "plan import without a file", DemoUsers.Administrator, "/Plans/Import", new() },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task A_form_with_errors_has_a_linked_error_summary_and_marks_each_invalid_field(string form, string? email, string template, Dictionary<string, string> values)
    {
        var url = template
            .Replace("{strategy}", site.Ids.Strategy.ToString())
            .Replace("{milestone}", site.Ids.Milestone.ToString())
            .Replace("{budget}", site.Ids.BudgetInitiative.ToString())
            .Replace("{committee}", site.Ids.Committee.ToString());
        var client = email is null ? site.CreateBrowserlessClient() : await site.ClientFor(email);

        var response = await client.SubmitAsync(url, values);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}: the invalid post gave {(int)response.StatusCode}, not the form again");
        var page = await response.ParseAsync();
        var problems = new List<string>();
        var summary = page.GetElementById("error-summary");
        var postForm = page.QuerySelector("main form[method=post]")!;
        if (summary is null)
        {
            Assert.Fail($"{form}: no error summary");
        }

        if (summary.GetAttribute("role") != "alert" || summary.GetAttribute("tabindex") != "-1" || summary.QuerySelector("h2") is null)
        {
            problems.Add("the summary is not an alert with a heading that script can focus");
        }

        if (summary.CompareDocumentPosition(postForm).HasFlag(DocumentPositions.Preceding))
        {
            problems.Add("the summary comes after the form");
        }

        foreach (var link in summary.QuerySelectorAll("a"))
        {
            CheckSummaryLink(page, link, problems);
        }

        CheckEveryFieldErrorIsLinkedAndDescribed(page, postForm, problems);
        CheckEveryControlIsLabelled(page, postForm, problems);

        Assert.True(problems.Count == 0, $"{form} ({url}):\n" + string.Join("\n", problems));
    }

    private static void CheckSummaryLink(IHtmlDocument page, IElement link, List<string> problems)
    {
        var message = link.TextContent.Trim();
        var href = link.GetAttribute("href") ?? "";
        var target = href.StartsWith('#') ? page.GetElementById(href[1..]) : null;
        switch (target)
        {
            case null:
                problems.Add($"\"{message}\" links to {href}, which is not on the page");
                break;
            case IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement:
                if (target.GetAttribute("aria-invalid") != "true")
                {
                    problems.Add($"{href} (\"{message}\") is not aria-invalid");
                }

                if (!Describes(page, target, message))
                {
                    problems.Add($"{href} is not described by its message \"{message}\"");
                }

                break;
            case IHtmlFieldSetElement:
                if (target.GetAttribute("tabindex") != "-1" || target.QuerySelector("legend") is null)
                {
                    problems.Add($"the group {href} (\"{message}\") cannot take focus from the summary link or has no legend");
                }

                if (!Describes(page, target, message))
                {
                    problems.Add($"the group {href} is not described by its message \"{message}\"");
                }

                break;
            default:
                problems.Add($"\"{message}\" links to <{target.LocalName}>{href}, not to a field or group");
                break;
        }
    }

    /// <summary>A message shown at a field must be in the summary and read out with the field.</summary>
    private static void CheckEveryFieldErrorIsLinkedAndDescribed(IHtmlDocument page, IElement form, List<string> problems)
    {
        var described = form.QuerySelectorAll("[aria-describedby]")
            .SelectMany(e => e.GetAttribute("aria-describedby")!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet();
        var summaryText = page.GetElementById("error-summary")!.TextContent;
        foreach (var message in form.QuerySelectorAll(".form-error-message"))
        {
            var describedBy = false;
            for (var element = message; element is not null && !describedBy; element = element.ParentElement)
            {
                describedBy = element.Id is { Length: > 0 } id && described.Contains(id);
            }

            var text = message.TextContent.Trim();
            if (!describedBy)
            {
                problems.Add($"the message \"{text}\" is not tied to its field with aria-describedby");
            }

            if (!summaryText.Contains(text.Replace("Fejl:", "").Replace("Error:", "").Trim(), StringComparison.Ordinal))
            {
                problems.Add($"the message \"{text}\" is not in the error summary");
            }
        }
    }

    private static void CheckEveryControlIsLabelled(IHtmlDocument page, IElement form, List<string> problems)
    {
        foreach (var control in form.QuerySelectorAll("input:not([type=hidden]):not([type=submit]), select, textarea"))
        {
            var labelled = control.HasAttribute("aria-label") || control.HasAttribute("aria-labelledby")
                || (control.Id is { Length: > 0 } id && page.QuerySelector($"label[for='{id}']") is not null)
                || control.Closest("label") is not null;
            if (!labelled)
            {
                problems.Add($"<{control.LocalName} name=\"{control.GetAttribute("name")}\"> has no label");
            }
        }
    }

    private static bool Describes(IHtmlDocument page, IElement field, string message) =>
        (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(page.GetElementById)
            .Any(description => description is not null && description.TextContent.Contains(message, StringComparison.Ordinal));
}
