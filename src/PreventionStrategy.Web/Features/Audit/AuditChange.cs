using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PreventionStrategy.Web.Features.Audit;

/// <summary>
/// One changed field of an <see cref="AuditEntry"/>: its name ("Title", "Timing.Period",
/// "FocusAreas"), the old and new value as invariant text (null when there was none) and, when
/// the text needs it to be shown in the reader's language, what kind of value it is
/// (<see cref="Kinds"/>).
/// </summary>
public sealed record AuditChange(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("old")] string? Old,
    [property: JsonPropertyName("new")] string? New,
    [property: JsonPropertyName("kind"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kind = null)
{
    // Danish letters as themselves, so the free-text search finds "Økonomi" in the stored JSON.
    // The JSON is only ever parsed or shown HTML-encoded, never written raw into a page.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(IReadOnlyList<AuditChange> changes) => JsonSerializer.Serialize(changes, Options);

    /// <summary>The changes of a stored entry; an unreadable value gives an empty list rather than a broken page.</summary>
    public static IReadOnlyList<AuditChange> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<AuditChange>>(json, Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The value kinds that are stored as invariant text and shown in the reader's language.</summary>
    public static class Kinds
    {
        /// <summary>Prefix of an enum value's kind: "enum:MilestoneStatus"; shown through the "MilestoneStatus.Planned" resource.</summary>
        public const string EnumPrefix = "enum:";

        /// <summary>Prefix of a foreign key's kind: "ref:ApplicationUser"; the value is the referenced entity's id, shown by its name.</summary>
        public const string ReferencePrefix = "ref:";

        public const string Boolean = "bool";

        /// <summary>A day, "yyyy-MM-dd".</summary>
        public const string Date = "date";

        /// <summary>A time of day, "HH:mm".</summary>
        public const string Time = "time";

        /// <summary>A UTC moment, "yyyy-MM-ddTHH:mm:ssZ"; shown in Danish time.</summary>
        public const string Utc = "utc";

        /// <summary>A role name, shown through the "Role.Administrator" resource.</summary>
        public const string Role = "role";

        /// <summary>A fact about a security event (the page refused, the reason), not a change: only the new value is shown.</summary>
        public const string Fact = "fact";

        /// <summary>A secret that changed (the password): neither value is ever stored.</summary>
        public const string Secret = "secret";
    }
}
