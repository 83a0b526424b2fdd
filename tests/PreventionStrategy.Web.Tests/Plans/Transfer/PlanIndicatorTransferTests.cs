using System.Text;
using System.Text.Json.Nodes;
using PreventionStrategy.Web.Features.Plans.Transfer;

namespace PreventionStrategy.Web.Tests.Plans.Transfer;

/// <summary>
/// Bad indicator parts of a plan file are refused whole, each with a Danish message naming the
/// indicator, and nothing is saved. Each case starts from the valid Norddjurs plan and breaks one
/// indicator.
/// </summary>
public sealed class PlanIndicatorTransferTests
{
    private const string Placements = "anbragte-boern-og-unge";

    private const string ByType = "anbringelser-efter-type";

    [Fact]
    public async Task Import_rejects_an_unknown_frequency_naming_the_indicator_and_saves_nothing() =>
        await AssertRejectedNamingAsync(plan => Indicator(plan, Placements)["frequency"] = "day", Placements);

    [Fact]
    public async Task Import_rejects_a_period_of_the_wrong_frequency_naming_the_indicator_and_saves_nothing() =>
        await AssertRejectedNamingAsync(plan => Indicator(plan, Placements)["measurements"]![0]!["period"] = "2016K1", Placements);

    [Fact]
    public async Task Import_rejects_values_that_do_not_match_the_categories_naming_the_indicator_and_saves_nothing() =>
        await AssertRejectedNamingAsync(plan => Indicator(plan, ByType)["measurements"]![0]!["values"]!.AsArray().Add(1), ByType);

    [Fact]
    public async Task Import_rejects_a_duplicate_period_naming_the_indicator_and_saves_nothing() =>
        await AssertRejectedNamingAsync(plan => Indicator(plan, Placements)["measurements"]![1]!["period"] = "2016", Placements);

    [Fact]
    public async Task Import_rejects_a_duplicate_indicator_key_and_saves_nothing() =>
        await AssertRejectedNamingAsync(plan => Indicator(plan, ByType)["key"] = Placements, Placements);

    [Fact]
    public async Task Import_rejects_categories_on_a_percent_indicator_naming_the_indicator_and_saves_nothing() =>
        await AssertRejectedNamingAsync(plan => Indicator(plan, ByType)["unit"] = "percent", ByType);

    [Fact]
    public async Task Import_rejects_a_target_with_both_value_and_band_naming_the_indicator_and_saves_nothing() =>
        await AssertRejectedNamingAsync(
            plan =>
            {
                var target = Indicator(plan, "andel-af-anbringelser-i-netvaerkspleje")["targets"]![0]!.AsObject();
                target["low"] = 10;
                target["high"] = 14;
            },
            "andel-af-anbringelser-i-netvaerkspleje");

    [Fact]
    public async Task A_monthly_indicator_with_categories_band_target_and_corrected_measurements_round_trips_byte_identically()
    {
        var plan = JsonNode.Parse(TransferDatabase.EmbeddedNorddjursPlan())!.AsObject();
        plan["indicators"]!.AsArray().Add(JsonNode.Parse("""
            {
              "key": "maanedlige-underretninger",
              "order": 9,
              "name": "Underretninger pr. måned",
              "description": "Prøve på en månedlig serie med opdeling.",
              "kind": "target",
              "unit": "count",
              "frequency": "month",
              "direction": "withinBand",
              "source": "Eksempel",
              "ownerEmail": "leder@demo.local",
              "isExampleData": true,
              "baseline": { "value": 30, "period": "2024M01" },
              "focusAreaKeys": [],
              "categories": [ "Skole", "Sundhed" ],
              "targets": [ { "year": 2025, "low": 20, "high": 28.5, "reasoning": "Et bånd, ikke et tal." } ],
              "measurements": [
                { "period": "2024M01", "values": [ 18, 12 ], "isFinal": true, "comment": "Endeligt tal, æøå.",
                  "enteredBy": "Anne Administrator", "enteredAt": "2026-11-30T09:00:00Z", "updatedBy": "Leder Demo", "updatedAt": "2026-12-01T10:15:00Z" },
                { "period": "2024M02", "values": [ 15.5, 10 ], "isFinal": false, "comment": "Foreløbigt.",
                  "enteredBy": "Anne Administrator", "enteredAt": "2026-11-30T09:05:00Z" }
              ]
            }
            """));
        await using var source = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead);
        var imported = await source.ImportAsync(plan.ToJsonString());
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        var first = await source.ExportAsync(imported.StrategyId!.Value);
        var firstText = Encoding.UTF8.GetString(first);
        foreach (var kept in new[] { "\"2024M02\"", "\"month\"", "\"withinBand\"", "\"high\": 28.5", "\"updatedBy\": \"Leder Demo\"", "2026-12-01T10:15:00Z", "\"Skole\"", "\"isFinal\": false" })
        {
            Assert.Contains(kept, firstText, StringComparison.Ordinal);
        }

        await using var target = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead);
        var again = await target.ImportAsync(first);
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        var second = await target.ExportAsync(again.StrategyId!.Value);

        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
    }

    private static async Task AssertRejectedNamingAsync(Action<JsonObject> breakIt, string key)
    {
        var plan = JsonNode.Parse(TransferDatabase.EmbeddedNorddjursPlan())!.AsObject();
        breakIt(plan);
        await using var database = await TransferDatabase.CreateAsync();
        var before = await database.CountRowsAsync();

        var result = await database.ImportAsync(plan.ToJsonString(), TransferDatabase.Danish);

        Assert.False(result.Succeeded);
        Assert.Null(result.StrategyId);
        Assert.Contains(result.Errors, error => error.Contains(key, StringComparison.Ordinal));
        Assert.Equal(before, await database.CountRowsAsync());
    }

    private static JsonObject Indicator(JsonObject plan, string key) =>
        plan["indicators"]!.AsArray().Single(item => (string?)item!["key"] == key)!.AsObject();
}
