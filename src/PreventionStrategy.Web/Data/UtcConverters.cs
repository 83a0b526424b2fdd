using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PreventionStrategy.Web.Data;

/// <summary>A DateTime without a kind is taken as UTC; a local one is converted. Read back, every value is UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

/// <summary>Npgsql writes only offset zero to timestamptz; the instant is kept, the offset is not (it never was on SQLite either).</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
