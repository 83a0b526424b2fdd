using System.Text.Json.Nodes;
using PreventionStrategy.Web.Features.Plans.Transfer;

namespace PreventionStrategy.Web.Tests.Plans.Transfer;

/// <summary>
/// Each bad input is refused with a Danish message that says where the problem is, and nothing at
/// all is saved. Every case starts from the valid Norddjurs plan and breaks one thing.
/// </summary>
public sealed class PlanImportRejectionTests
{
    private const string TaskForce = "task-force-til-udsatte-unge";

    private const string ThemeDay = "temadag-om-forankring-af-strategien";

    private const string BudgetDecision = "budgetskitse-2025-2028-godkendes";

    [Fact]
    public async Task Import_rejects_malformed_json_and_saves_nothing()
    {
        var result = await AssertRejectedAsync("{\n  \"formatVersion\": 1,\n  \"strategy\": {\n");

        Assert.StartsWith("Filen er ikke gyldig JSON (linje ", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_rejects_an_empty_file_and_saves_nothing()
    {
        var result = await AssertRejectedAsync("  \n");

        Assert.Equal("Filen er tom.", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Import_rejects_an_unknown_format_version_and_saves_nothing()
    {
        var result = await AssertRejectedAsync(plan => plan["formatVersion"] = 2);

        Assert.Equal("Formatversion 2 kendes ikke; systemet kan kun læse formatversion 1.", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Import_rejects_a_document_without_format_version_and_saves_nothing()
    {
        var result = await AssertRejectedAsync(plan => plan.Remove("formatVersion"));

        Assert.Equal("Feltet 'formatVersion' mangler; det skal være 1.", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Import_rejects_missing_required_texts_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan =>
            {
                plan["strategy"]!["name"] = "  ";
                plan["strategy"]!.AsObject().Remove("division");
                FocusArea(plan, "fa2").Remove("title");
                Milestone(plan, ThemeDay).Remove("kind");
                Stakeholder(plan, "fti")["name"] = null;
                Milestone(plan, "afdaekning-af-medarbejderkompetencer-og-kompetenceudvikling")["tasks"]![0]!["title"] = "";
            },
            "Strategien: navnet mangler.",
            "Strategien: forvaltningsområdet mangler.",
            "Fokusområde 'fa2': titlen mangler.",
            $"Milepæl '{ThemeDay}': milepælens art mangler.",
            "Interessent 'fti': navnet mangler.",
            "Milepæl 'afdaekning-af-medarbejderkompetencer-og-kompetenceudvikling', opgave nr. 1: titlen mangler.");
    }

    [Fact]
    public async Task Import_rejects_texts_longer_than_their_columns_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan =>
            {
                Milestone(plan, TaskForce)["title"] = new string('æ', 201);
                plan["strategy"]!["purpose"] = new string('ø', 4001);
                Stakeholder(plan, "bucn")["description"] = new string('å', 1001);
            },
            $"Milepæl '{TaskForce}': titlen fylder 201 tegn, men der er højst plads til 200.",
            "Strategien: formålet fylder 4001 tegn, men der er højst plads til 4000.",
            "Interessent 'bucn': beskrivelsen fylder 1001 tegn, men der er højst plads til 1000.");
    }

    [Fact]
    public async Task Import_rejects_a_reference_to_an_unknown_focus_area_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan => Milestone(plan, ThemeDay)["focusAreaKeys"]!.AsArray().Add("fa9"),
            $"Milepæl '{ThemeDay}' henviser til et ukendt fokusområde 'fa9'.");
    }

    [Fact]
    public async Task Import_rejects_references_to_unknown_stakeholders_milestones_and_units_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan =>
            {
                Milestone(plan, ThemeDay)["stakeholders"]!.AsArray().Add(new JsonObject { ["stakeholderKey"] = "skolerne", ["role"] = "participant" });
                Milestone(plan, TaskForce)["preconditionKey"] = "byraadet-godkender";
                Stakeholder(plan, "michael-petersen")["unitKey"] = "konsulenthuset";
                plan["committee"]!["memberKeys"]!.AsArray().Add("borgmester");
                plan["budgetInitiatives"]![1]!["milestoneKeys"]!.AsArray().Add("vejledningscenter-aabner");
            },
            $"Milepæl '{ThemeDay}' henviser til en ukendt interessent 'skolerne'.",
            $"Milepæl '{TaskForce}' henviser til en ukendt milepæl 'byraadet-godkender'.",
            "Interessent 'michael-petersen' henviser til en ukendt enhed 'konsulenthuset'.",
            "Udvalget henviser til en ukendt interessent 'borgmester'.",
            "Budgetinitiativ 'Vejledningscenter for unge i efterværn (18+)' henviser til en ukendt milepæl 'vejledningscenter-aabner'.");
    }

    [Fact]
    public async Task Import_rejects_a_person_as_the_unit_of_another_stakeholder_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan => Stakeholder(plan, "sikkerhedskonsulenterne")["unitKey"] = "michael-petersen",
            "Interessent 'sikkerhedskonsulenterne' har 'michael-petersen' som sin enhed, men 'michael-petersen' er en person og ikke en enhed.");
    }

    [Fact]
    public async Task Import_rejects_duplicate_keys_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan =>
            {
                plan["focusAreas"]!.AsArray().Add(FocusArea(plan, "fa1").DeepClone());
                plan["stakeholders"]!.AsArray().Add(Stakeholder(plan, "fti").DeepClone());
                Milestone(plan, ThemeDay)["key"] = TaskForce;
            },
            "Flere fokusområder har nøglen 'fa1'; en nøgle må kun bruges én gang.",
            "Flere interessenter har nøglen 'fti'; en nøgle må kun bruges én gang.",
            $"Flere milepæle har nøglen '{TaskForce}'; en nøgle må kun bruges én gang.");
    }

    [Fact]
    public async Task Import_rejects_a_quarter_outside_1_to_4_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan => Milestone(plan, TaskForce)["timing"]!["period"] = 5,
            $"Milepæl '{TaskForce}': kvartal 5 findes ikke; kvartalet skal være 1-4.");
        await AssertRejectedAsync(
            plan => Milestone(plan, TaskForce)["timing"]!["period"] = 0,
            $"Milepæl '{TaskForce}': kvartal 0 findes ikke; kvartalet skal være 1-4.");
    }

    [Fact]
    public async Task Import_rejects_a_month_outside_1_to_12_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan => plan["strategy"]!["keyDates"]![1]!["timing"]!["period"] = 13,
            "Strategiens nøgledato nr. 2: måned 13 findes ikke; måneden skal være 1-12.");
    }

    [Fact]
    public async Task Import_rejects_a_half_year_outside_1_to_2_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan => Milestone(plan, BudgetDecision)["timing"]!["period"] = 3,
            $"Milepæl '{BudgetDecision}': halvår 3 findes ikke; halvåret skal være 1-2.");
    }

    [Fact]
    public async Task Import_rejects_a_period_timing_without_its_period_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan => Milestone(plan, BudgetDecision)["timing"]!.AsObject().Remove("period"),
            $"Milepæl '{BudgetDecision}': halvåret mangler.");
    }

    [Fact]
    public async Task Import_rejects_an_end_time_before_the_start_time_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan =>
            {
                Milestone(plan, ThemeDay)["timing"]!["startTime"] = "13:00";
                Milestone(plan, ThemeDay)["timing"]!["endTime"] = "09:00";
            },
            $"Milepæl '{ThemeDay}': sluttidspunktet 09:00 skal ligge efter starttidspunktet 13:00.");
    }

    [Fact]
    public async Task Import_rejects_an_end_time_without_a_start_time_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan => Milestone(plan, ThemeDay)["timing"]!["endTime"] = "15:30",
            $"Milepæl '{ThemeDay}': der er et sluttidspunkt, men intet starttidspunkt.");
    }

    [Fact]
    public async Task Import_rejects_years_outside_2000_to_2100_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan =>
            {
                Milestone(plan, TaskForce)["timing"]!["year"] = 1999;
                Milestone(plan, ThemeDay)["timing"]!["date"] = "2101-12-13";
                Milestone(plan, BudgetDecision)["forecastDate"] = "1999-12-31";
                plan["budgetInitiatives"]![0]!["amounts"]!.AsArray().Add(new JsonObject { ["year"] = 2125, ["amountDkk"] = 1000 });
            },
            $"Milepæl '{TaskForce}': året 1999 ligger uden for 2000-2100.",
            $"Milepæl '{ThemeDay}': datoen (2101-12-13) ligger uden for årene 2000-2100.",
            $"Milepæl '{BudgetDecision}': den forventede dato (1999-12-31) ligger uden for årene 2000-2100.",
            "Budgetinitiativ 'Task force til udsatte unge', beløb nr. 1: året 2125 ligger uden for 2000-2100.");
    }

    [Fact]
    public async Task Import_rejects_progress_outside_0_to_100_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan =>
            {
                Milestone(plan, TaskForce)["progressPercent"] = 101;
                Milestone(plan, ThemeDay)["progressPercent"] = -1;
            },
            $"Milepæl '{TaskForce}': fremdriften skal være mellem 0 og 100 %, men er 101 %.",
            $"Milepæl '{ThemeDay}': fremdriften skal være mellem 0 og 100 %, men er -1 %.");
    }

    [Fact]
    public async Task Import_rejects_invalid_email_addresses_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan =>
            {
                Stakeholder(plan, "michael-petersen")["email"] = "michael.petersen";
                Milestone(plan, TaskForce)["ownerEmail"] = "leder(at)demo.local";
                Milestone(plan, "afdaekning-af-medarbejderkompetencer-og-kompetenceudvikling")["tasks"]![1]!["ownerEmail"] = "Lars Leder <leder@demo.local>";
            },
            "Interessent 'michael-petersen': 'michael.petersen' er ikke en gyldig e-mailadresse.",
            $"Milepæl '{TaskForce}': 'leder(at)demo.local' er ikke en gyldig e-mailadresse.",
            "Milepæl 'afdaekning-af-medarbejderkompetencer-og-kompetenceudvikling', opgave nr. 2: 'Lars Leder <leder@demo.local>' er ikke en gyldig e-mailadresse.");
    }

    [Fact]
    public async Task Import_rejects_a_date_not_written_as_yyyy_MM_dd_and_saves_nothing()
    {
        var result = await AssertRejectedAsync(plan => Milestone(plan, ThemeDay)["timing"]!["date"] = "13-12-2024");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Feltet 'milestones[2].timing.date' (linje ", error, StringComparison.Ordinal);
        Assert.EndsWith("'13-12-2024' er ikke en gyldig dato; skriv den som åååå-mm-dd.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_rejects_a_time_not_written_as_HH_mm_and_saves_nothing()
    {
        var result = await AssertRejectedAsync(plan => Milestone(plan, ThemeDay)["timing"]!["startTime"] = "9.30");

        Assert.EndsWith("'9.30' er ikke et gyldigt klokkeslæt; skriv det som tt:mm.", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_rejects_an_unknown_kind_and_names_the_allowed_values_and_saves_nothing()
    {
        var result = await AssertRejectedAsync(plan => Milestone(plan, ThemeDay)["kind"] = "party");

        Assert.EndsWith(
            "'party' er ikke en gyldig værdi; brug en af disse: mappingDay, themeDay, themeMeeting, launch, deliverable, decision, other.",
            Assert.Single(result.Errors),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_rejects_a_field_the_format_does_not_have_and_saves_nothing()
    {
        var result = await AssertRejectedAsync(plan => Milestone(plan, TaskForce)["ownerEmial"] = "leder@demo.local");

        Assert.Equal("Feltet 'milestones[3].ownerEmial' (linje 1) findes ikke i formatet; tjek stavemåden.", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Import_rejects_a_value_of_the_wrong_type_and_saves_nothing()
    {
        var result = await AssertRejectedAsync(plan => Milestone(plan, TaskForce)["progressPercent"] = "50");

        Assert.StartsWith("Feltet 'milestones[3].progressPercent' (linje 1) har en værdi af forkert type", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_rejects_milestones_that_are_each_others_precondition_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan => Milestone(plan, BudgetDecision)["preconditionKey"] = TaskForce,
            $"Milepæl '{BudgetDecision}' er via sine forudsætninger sin egen forudsætning; forudsætningerne danner en ring.",
            $"Milepæl '{TaskForce}' er via sine forudsætninger sin egen forudsætning; forudsætningerne danner en ring.");
    }

    [Fact]
    public async Task Import_rejects_a_briefing_deadline_after_the_meeting_and_saves_nothing()
    {
        await AssertRejectedAsync(
            plan => plan["committee"]!["meetings"]!.AsArray().Add(new JsonObject { ["date"] = "2025-03-04", ["briefingDeadline"] = "2025-03-10" }),
            "Udvalgsmøde nr. 1: fristen for orientering af udvalget (2025-03-10) ligger efter mødet (2025-03-04).");
    }

    [Fact]
    public async Task Import_reports_every_problem_at_once_and_saves_nothing()
    {
        var result = await AssertRejectedAsync(
            plan =>
            {
                Milestone(plan, TaskForce)["timing"]!["period"] = 7;
                Milestone(plan, ThemeDay)["progressPercent"] = 150;
                Milestone(plan, ThemeDay)["focusAreaKeys"]!.AsArray().Add("fa9");
                FocusArea(plan, "fa3")["title"] = "";
            });

        Assert.Equal(4, result.Errors.Count);
    }

    [Fact]
    public async Task Import_reports_problems_in_English_when_the_user_reads_English()
    {
        var result = await AssertRejectedAsync(
            plan => Milestone(plan, TaskForce)["timing"]!["period"] = 5,
            TransferDatabase.English);

        Assert.Equal($"Milestone '{TaskForce}': there is no quarter 5; the quarter must be 1-4.", Assert.Single(result.Errors));
    }

    private static Task<PlanImportResult> AssertRejectedAsync(Action<JsonObject> breakIt, params string[] expectedErrors) =>
        AssertRejectedAsync(breakIt, TransferDatabase.Danish, expectedErrors);

    private static Task<PlanImportResult> AssertRejectedAsync(Action<JsonObject> breakIt, System.Globalization.CultureInfo culture, params string[] expectedErrors)
    {
        var plan = JsonNode.Parse(TransferDatabase.EmbeddedNorddjursPlan())!.AsObject();
        breakIt(plan);
        return AssertRejectedAsync(plan.ToJsonString(), culture, expectedErrors);
    }

    private static Task<PlanImportResult> AssertRejectedAsync(string json) => AssertRejectedAsync(json, TransferDatabase.Danish);

    private static async Task<PlanImportResult> AssertRejectedAsync(string json, System.Globalization.CultureInfo culture, params string[] expectedErrors)
    {
        await using var database = await TransferDatabase.CreateAsync();
        var before = await database.CountRowsAsync();

        var result = await database.ImportAsync(json, culture);

        Assert.False(result.Succeeded);
        Assert.Null(result.StrategyId);
        Assert.NotEmpty(result.Errors);
        foreach (var expected in expectedErrors)
        {
            Assert.Contains(expected, result.Errors);
        }

        Assert.Equal(before, await database.CountRowsAsync());
        return result;
    }

    private static JsonObject Milestone(JsonObject plan, string key) => Keyed(plan, "milestones", key);

    private static JsonObject FocusArea(JsonObject plan, string key) => Keyed(plan, "focusAreas", key);

    private static JsonObject Stakeholder(JsonObject plan, string key) => Keyed(plan, "stakeholders", key);

    private static JsonObject Keyed(JsonObject plan, string list, string key) =>
        plan[list]!.AsArray().Single(item => (string?)item!["key"] == key)!.AsObject();
}
