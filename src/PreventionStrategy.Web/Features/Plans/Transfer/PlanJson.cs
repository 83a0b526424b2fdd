using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>
/// How plan files are read and written: camelCase names, enum values as camelCase strings,
/// dates as <c>yyyy-MM-dd</c>, times as <c>HH:mm</c>, indented with "\n" line ends on every OS,
/// Danish letters written as they are, absent values left out. Unknown properties are refused so
/// a misspelt field name is reported instead of silently dropped.
/// </summary>
public static class PlanJson
{
    public const string DateFormat = "yyyy-MM-dd";

    public const string TimeFormat = "HH:mm";

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                // "required" is for C# callers; the importer reports missing values itself, all at once.
                Modifiers = { typeInfo => { foreach (var property in typeInfo.Properties) { property.IsRequired = false; } } },
            },
            Converters = { new DateConverter(), new TimeConverter(), new EnumConverterFactory() },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The JSON name of an enum value: its C# name with a lower-case first letter ("halfYear").</summary>
    public static string EnumValueName(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private sealed class DateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null && DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            throw new PlanJsonException(PlanJsonProblem.InvalidDate, text ?? TokenText(ref reader));
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(DateFormat, CultureInfo.InvariantCulture));
    }

    private sealed class TimeConverter : JsonConverter<TimeOnly>
    {
        public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null && TimeOnly.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return time;
            }

            throw new PlanJsonException(PlanJsonProblem.InvalidTime, text ?? TokenText(ref reader));
        }

        public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(TimeFormat, CultureInfo.InvariantCulture));
    }

    private sealed class EnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    /// <summary>Only the defined names, camelCase, matched without regard to case; numbers are refused.</summary>
    private sealed class EnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly IReadOnlyList<(TEnum Value, string Name)> Names =
            [.. Enum.GetValues<TEnum>().Select(value => (value, EnumValueName(value)))];

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            foreach (var (value, name) in Names)
            {
                if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            throw new PlanJsonException(PlanJsonProblem.UnknownValue, text ?? TokenText(ref reader), string.Join(", ", Names.Select(n => n.Name)));
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        {
            if (!Enum.IsDefined(value))
            {
                throw new JsonException($"{typeof(TEnum).Name} has no value {value}.");
            }

            writer.WriteStringValue(EnumValueName(value));
        }
    }

    private static string TokenText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null =>
            System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
        _ => reader.TokenType.ToString(),
    };
}

public enum PlanJsonProblem
{
    InvalidDate,
    InvalidTime,
    UnknownValue,
}

/// <summary>A value the plan format cannot read; System.Text.Json adds the path and line where it happened.</summary>
public sealed class PlanJsonException(PlanJsonProblem problem, string value, string? allowedValues = null)
    : JsonException($"{problem}: '{value}'")
{
    public PlanJsonProblem Problem { get; } = problem;

    public string Value { get; } = value;

    public string? AllowedValues { get; } = allowedValues;
}
