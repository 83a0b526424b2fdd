using System.Globalization;
using System.Text;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>
/// The keys an export gives to things the database knows only by id. They are derived from the
/// content alone (never from ids), so importing a file and exporting it again yields the same keys.
/// </summary>
public static class PlanKeys
{
    public const int MaxSlugLength = 60;

    /// <summary>
    /// Lower-case ASCII letters and digits joined by single hyphens: "Børne- og Familieområdet
    /// (medarbejdere)" becomes "boerne-og-familieomraadet-medarbejdere". æ, ø, å become ae, oe, aa;
    /// other accents are dropped. Longer slugs are cut at the last hyphen within
    /// <see cref="MaxSlugLength"/> characters.
    /// </summary>
    public static string Slug(string? text, string fallback)
    {
        var builder = new StringBuilder();
        var expanded = (text ?? string.Empty).ToLowerInvariant()
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "oe", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal)
            .Replace("ä", "ae", StringComparison.Ordinal)
            .Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        foreach (var ch in expanded)
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(ch);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark
                && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().TrimEnd('-');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = (cut > 0 ? slug[..cut] : slug[..MaxSlugLength]).TrimEnd('-');
        }

        return slug.Length == 0 ? fallback : slug;
    }

    /// <summary>
    /// Gives each item its base key, or base key + "-2", "-3" ... when an earlier item (in the
    /// given order, which the caller makes deterministic) already has it.
    /// </summary>
    public static IReadOnlyList<string> Deduplicate(IEnumerable<string> baseKeys)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var baseKey in baseKeys)
        {
            var key = baseKey;
            for (var n = 2; !used.Add(key); n++)
            {
                key = $"{baseKey}-{n}";
            }

            keys.Add(key);
        }

        return keys;
    }
}
