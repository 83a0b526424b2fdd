using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>Reads pages and posts their forms the way a browser would: with the form's antiforgery token.</summary>
public static class Pages
{
    public const string DemoPassword = "Forebyg-2025!";

    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Fills the form (the first one with a submit button unless a selector says otherwise) and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IReadOnlyDictionary<string, string> values, string formSelector = "main form[method=post]") =>
        await client.SubmitFormAsync(await client.GetDocumentAsync(url), url, values, formSelector);

    /// <summary>
    /// Posts a form of a page already in hand (e.g. the page a refused post returned), the way a
    /// browser would: every field as it stands, with <paramref name="values"/> typed over them.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument page, string pageUrl, IReadOnlyDictionary<string, string> values, string formSelector = "main form[method=post]")
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlInputElement { Type: "submit" or "file" }:
                case IHtmlButtonElement:
                    continue;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.SelectedOptions.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        fields.AddRange(values);
        var action = form.GetAttribute("action");
        return client.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpClient> SignedInClientAsync(this SiteFactory factory, string? email)
    {
        var client = factory.CreateBrowserlessClient();
        if (email is null)
        {
            return client;
        }

        var response = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoPassword,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed with {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The messages of the DKFDS error summary and field errors on a page.</summary>
    public static IReadOnlyList<string> ErrorMessages(this IHtmlDocument page) =>
        page.QuerySelectorAll("#error-summary li, .form-error-message").Select(e => e.TextContent.Trim()).Distinct().ToList();
}
