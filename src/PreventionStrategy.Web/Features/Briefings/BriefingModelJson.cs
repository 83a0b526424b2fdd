using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Timeline;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The issued briefing's <see cref="BriefingModel"/> as versioned JSON, stored beside its PDF so the archive's HTML page
/// shows what was issued. Envelope: <c>{"schemaVersion": 1, "model": {…}}</c>; a reader refuses a version it does not
/// know (null) rather than guess. Everything worded is kept; the chart geometry is not: the timeline's layout and the
/// indicators' series are drawing input, and the HTML page gives the timeline as its key (number, milestone, focus area,
/// timing) and the indicators as their sentences.
/// </summary>
public static class BriefingModelJson
{
    /// <summary>Raise when a change to <see cref="BriefingModel"/> would make older JSON read wrongly, and teach <see cref="Read"/> the old one.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutDrawingInput } },
    };

    public static string Write(BriefingModel model) => JsonSerializer.Serialize(new Envelope(SchemaVersion, model), Options);

    /// <summary>The model, or null when the JSON is of a schema this version of the site does not know.</summary>
    public static BriefingModel? Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("schemaVersion", out var version) || version.GetInt32() != SchemaVersion)
        {
            return null;
        }

        return document.RootElement.GetProperty("model").Deserialize<BriefingModel>(Options);
    }

    private static void LeaveOutDrawingInput(JsonTypeInfo info)
    {
        if (info.Type == typeof(BriefingModel) || info.Type == typeof(BriefingIndicator))
        {
            // Not written, so read back as null: the record's constructor still binds (a missing parameter takes its default).
            foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(BriefingTimeline) || p.PropertyType == typeof(IndicatorSeries) || p.PropertyType == typeof(IReadOnlyDictionary<DateOnly, string>)))
            {
                property.ShouldSerialize = (_, _) => false;
            }
        }
    }

    private sealed record Envelope(int SchemaVersion, BriefingModel Model);
}
