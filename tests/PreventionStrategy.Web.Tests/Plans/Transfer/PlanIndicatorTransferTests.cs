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
