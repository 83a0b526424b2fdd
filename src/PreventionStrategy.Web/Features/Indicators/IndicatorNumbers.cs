using System.Globalization;
using System.Text.RegularExpressions;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// Numbers as people and Statistikbanken write them: "138", "1.234,5", "1 234,5", "42,5 %", "20.000.000 kr.".
/// Thousands separators must stand before groups of three digits, so "1.5" is refused rather than read as 15.
/// </summary>
public static partial class IndicatorNumbers
{
    /// <summary>Larger than any count, amount or share the site keeps, small enough to stay exact as a double.</summary>
    public const decimal Limit = 1_000_000_000_000m;

    public static bool TryParse(string? text, CultureInfo culture, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        foreach (var unit in (string[])["kr.", "kr", "dkk", "%", "‰"])
        {
            if (trimmed.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^unit.Length].TrimEnd();
            }
        }

        var compact = string.Concat(trimmed.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0')).Replace('−', '-');
        var format = culture.NumberFormat;
        var group = Regex.Escape(format.NumberGroupSeparator);
        var point = Regex.Escape(format.NumberDecimalSeparator);
        var shape = new Regex($@"^-?(\d{{1,3}}({group}\d{{3}})+|\d+)({point}\d+)?$", RegexOptions.CultureInvariant);
        if (compact.Length > 40 || !shape.IsMatch(compact))
        {
            return false;
        }

        if (!decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, culture, out value)
            || Math.Abs(value) >= Limit)
        {
            value = 0;
            return false;
        }

        return true;
    }
}
