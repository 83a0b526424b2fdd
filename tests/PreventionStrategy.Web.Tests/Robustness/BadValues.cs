using System.Text;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>What the page must do with a submission.</summary>
public enum Expect
{
    /// <summary>Refused or accepted, as long as it is handled: no error, no raw markup, a Danish answer.</summary>
    Any,

    /// <summary>Refused with a Danish message, and nothing changed.</summary>
    Refuse,

    /// <summary>Refused with a Danish message, or accepted and stored exactly as sent.</summary>
    RefuseOrStoreExactly,

    /// <summary>Refused with a Danish message, or accepted without storing it: a year where the precision is a day, a hidden id the page takes from the record.</summary>
    RefuseOrIgnore,
}

/// <summary>One post of the battery: the form's own values with one thing wrong.</summary>
public sealed record Submission(string Description, string Action, List<KeyValuePair<string, string>> Fields, Expect Expect, string? Sent = null);

/// <summary>The battery: each field of a form in turn replaced by something a browser would not send, or a person should not.</summary>
public static class BadValues
{
    public const string Script = "<script>alert(1)</script>";
    public const string Image = "\"><img src=x onerror=alert(1)>";
    public const string Sql = "'; DROP TABLE Milestones; --";

    /// <summary>10,000 characters, Danish letters included, ending in a marker so a cut copy is not mistaken for it.</summary>
    public static readonly string Long = LongText(10_000);

    public static readonly string[] Numbers = ["abc", "1e309", "-1", "2147483648"];

    public static readonly string[] Dates = ["abc", "0001-01-01", "9999-12-31", "2026-02-30"];

    public static readonly string[] Times = ["25:61", "abc"];

    public static readonly string[] Choices = ["999999", "Ukendt", "-1"];

    public static readonly string[] MissingIds = ["999999", "0", "-1", "abc", "2147483648"];

    public static readonly string[] Indexes = ["999999", "abc", "2147483648"];

    /// <summary>A value a free-text field may legitimately keep: it must then be stored exactly and shown encoded.</summary>
    public static readonly string[] Texts = [Long, Script, Image, Sql];

    /// <summary>Text where a number, date, choice or hidden value belongs: the markup and the length are what can hurt.</summary>
    public static readonly string[] NotText = [Long, Script];

    public static string LongText(int length)
    {
        var text = new StringBuilder("Langtekst æøå ÆØÅ ");
        while (text.Length < length - 4)
        {
            text.Append("0123456789 ");
        }

        text.Length = length - 4;
        return text.Append(" END").ToString();
    }

    public static bool ShowsRawMarkup(string html) =>
        html.Contains(Script, StringComparison.OrdinalIgnoreCase) || html.Contains("<img src=x onerror", StringComparison.OrdinalIgnoreCase);
}
