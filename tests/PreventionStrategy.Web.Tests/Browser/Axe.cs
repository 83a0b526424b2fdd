using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>
/// Runs axe-core (the npm package in wwwroot-assets, installed by the build's <c>npm ci</c>) in a page
/// against WCAG 2.0 and 2.1, levels A and AA: what the Danish web accessibility law asks for. No rule is switched off.
/// </summary>
/// <remarks>
/// axe is added through the DevTools protocol (an init script of the browser context, or
/// <see cref="IPage.EvaluateAsync(string, object?)"/>), not as a script tag, so the site's Content-Security-Policy
/// (no inline script) stays as it is served.
/// </remarks>
public static class Axe
{
    /// <summary>
    /// WCAG 2.0 and 2.1 at levels A and AA, and axe's best practices: heading order, landmarks, one main and one h1 are
    /// only there, and the site keeps to them as well.
    /// </summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    /// <summary>Rules for WCAG A/AA criteria that axe marks experimental and leaves off unless asked: asked.</summary>
    public static readonly string[] ExperimentalRules = ["p-as-heading", "table-fake-caption", "td-has-header"];

    /// <summary>
    /// The experimental rule for WCAG 1.3.4 (orientation) reads every stylesheet, which is most of a run's time; every page
    /// has the same two stylesheets, so it is run on one page only (see <c>AuditAsync(page, StylesheetRules)</c>).
    /// </summary>
    public static readonly string[] StylesheetRules = ["css-orientation-lock"];

    private static readonly Lazy<string> Source = new(() =>
    {
        var file = Path.Combine(RepositoryRoot(), "wwwroot-assets", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(file)
            ? File.ReadAllText(file)
            : throw new InvalidOperationException($"{file} is missing: run `npm ci` in wwwroot-assets (dotnet build does it).");
    });

    /// <summary>Loads axe into every page the context opens from now on (before the page's own scripts; not subject to its CSP).</summary>
    public static Task AddToAsync(IBrowserContext context) => context.AddInitScriptAsync(Source.Value);

    /// <summary>The violations axe finds in the page as it is now, with the tags above, the experimental WCAG rules and any rules named.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> AuditAsync(IPage page, params string[] alsoRun)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var json = await page.EvaluateAsync<string>(
            """
            async ([tags, experimental]) => {
                const rules = Object.fromEntries(experimental.map(id => [id, { enabled: true }]));
                const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
                })));
            }
            """,
            new object[] { Tags, ExperimentalRules.Concat(alsoRun).ToArray() });
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Every violation of every page, with what to look at: rule, impact, help, and each offending element.</summary>
    public static string Describe(IEnumerable<(string Page, IReadOnlyList<AxeViolation> Violations)> pages)
    {
        var text = new StringBuilder();
        foreach (var (page, violations) in pages.Where(p => p.Violations.Count > 0))
        {
            text.AppendLine().AppendLine($"== {page}");
            foreach (var violation in violations)
            {
                text.AppendLine($"  [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
                foreach (var node in violation.Nodes)
                {
                    var html = node.Html.Length > 300 ? node.Html[..300] + "…" : node.Html;
                    text.AppendLine($"    at {string.Join(" ", node.Target)}: {html}");
                    if (!string.IsNullOrEmpty(node.FailureSummary))
                    {
                        text.AppendLine("      " + node.FailureSummary.ReplaceLineEndings(" / "));
                    }
                }
            }
        }

        return text.ToString();
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PreventionStrategy.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds PreventionStrategy.sln.");
    }
}

public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

public sealed record AxeNode(IReadOnlyList<string> Target, string Html, string? FailureSummary);
