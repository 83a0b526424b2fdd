using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Plans.Transfer;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>
/// Tells whether a message on a page is one of the site's Danish texts (with its placeholders
/// filled in): not an English framework default, not an English translation, not a raw key.
/// </summary>
public sealed class DanishTexts
{
    private readonly Regex danish;

    private DanishTexts(IEnumerable<string> texts)
    {
        var patterns = texts
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Distinct(StringComparer.Ordinal)
            .Select(t => Regex.Replace(Regex.Escape(Normalize(t)), @"\\\{\d+[^}]*\}", ".+?"));
        danish = new Regex($"^(?:{string.Join('|', patterns)})$", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(5));
    }

    public static DanishTexts From(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IStringLocalizerFactory>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = SiteComposition.Danish;
        try
        {
            return new DanishTexts(
            [
                .. factory.Create(typeof(SharedResource)).GetAllStrings(includeParentCultures: true).Select(s => s.Value),
                .. factory.Create(typeof(PlanImporter)).GetAllStrings(includeParentCultures: true).Select(s => s.Value),
            ]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public bool IsDanish(string message) => danish.IsMatch(Normalize(message));

    /// <summary>Pages break long texts over lines and indent them; the resource has one space.</summary>
    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
