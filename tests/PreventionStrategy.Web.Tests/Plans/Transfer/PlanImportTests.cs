using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Plans.Transfer;

namespace PreventionStrategy.Web.Tests.Plans.Transfer;

public sealed class PlanImportTests
{
    [Fact]
    public async Task Import_with_an_unknown_owner_email_warns_and_still_succeeds_without_an_owner()
    {
        await using var database = await TransferDatabase.CreateAsync(TransferDatabase.StaffMember);

        var result = await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("Der findes ingen bruger med e-mailadressen 'leder@demo.local', så disse står uden ansvarlig: Milepæl 'budgetskitse-2025-2028-godkendes', ", warning, StringComparison.Ordinal);
        Assert.Contains("Milepæl 'afdaekning-af-medarbejderkompetencer-og-kompetenceudvikling', opgave nr. 1", warning, StringComparison.Ordinal);

        await using var db = database.CreateContext();
        Assert.Equal(8, await db.Milestones.CountAsync(m => m.StrategyId == result.StrategyId && m.OwnerId == null));
        Assert.Equal(2, await db.MilestoneTasks.CountAsync(t => t.OwnerId == null));
    }

    [Fact]
    public async Task Import_matches_owners_by_email_regardless_of_case()
    {
        await using var database = await TransferDatabase.CreateAsync();
        var plan = JsonNode.Parse(TransferDatabase.EmbeddedNorddjursPlan())!.AsObject();
        foreach (var milestone in plan["milestones"]!.AsArray())
        {
            milestone!["ownerEmail"] = "Leder@Demo.LOCAL";
        }

        var result = await database.ImportAsync(plan.ToJsonString());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Milestones.CountAsync(m => m.OwnerId == null));
    }

    [Fact]
    public async Task Import_reuses_existing_stakeholders_and_committee_instead_of_duplicating_them()
    {
        await using var database = await TransferDatabase.CreateAsync();
        var first = await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());
        var before = await database.CountRowsAsync();

        var second = await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        Assert.True(second.Succeeded, string.Join("\n", second.Errors));
        Assert.NotEqual(first.StrategyId, second.StrategyId);
        var after = await database.CountRowsAsync();
        Assert.Equal(before["Stakeholders"], after["Stakeholders"]);
        Assert.Equal(before["Committees"], after["Committees"]);
        Assert.Equal(2, after["Strategies"]);
        Assert.Equal(2 * before["Milestones"], after["Milestones"]);
        Assert.Contains(second.Warnings, w => w.StartsWith("Der findes allerede en strategi med navnet 'Forebyggende strategi for anbringelsesområdet'", StringComparison.Ordinal));
        Assert.Contains(second.Warnings, w => w.StartsWith("11 af planens interessenter fandtes allerede", StringComparison.Ordinal));
        Assert.Contains(second.Warnings, w => w.StartsWith("Udvalget 'Børne- og Ungdomsudvalget' i Norddjurs Kommune fandtes allerede", StringComparison.Ordinal));

        await using var db = database.CreateContext();
        var strategies = await db.Strategies.ToListAsync();
        Assert.Single(strategies.Select(s => s.CommitteeId).Distinct());
    }

    [Fact]
    public async Task Import_does_not_reuse_a_person_of_the_same_name_in_another_unit()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());
        var plan = JsonNode.Parse(TransferDatabase.EmbeddedNorddjursPlan())!.AsObject();
        var michael = plan["stakeholders"]!.AsArray().Single(s => (string?)s!["key"] == "michael-petersen")!;
        michael["unitKey"] = "social-og-boligstyrelsen";

        var result = await database.ImportAsync(plan.ToJsonString());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Stakeholders.CountAsync(s => s.Name == "Michael Petersen"));
    }

    [Fact]
    public async Task Import_warns_about_a_stakeholder_nothing_uses()
    {
        await using var database = await TransferDatabase.CreateAsync();
        var plan = JsonNode.Parse(TransferDatabase.EmbeddedNorddjursPlan())!.AsObject();
        plan["stakeholders"]!.AsArray().Add(new JsonObject { ["key"] = "skolerne", ["kind"] = "unit", ["name"] = "Skolerne" });

        var result = await database.ImportAsync(plan.ToJsonString());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(
            "Interessent 'skolerne' bruges hverken af en milepæl eller af udvalget; den oprettes, men kommer ikke med, når planen eksporteres.",
            Assert.Single(result.Warnings));
    }

    [Fact]
    public async Task Import_of_a_document_object_validates_it_the_same_way()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var document = new PlanDocument
        {
            Strategy = new PlanStrategy { Name = "Plan", Municipality = "Testkommune", Division = "Børn" },
            Milestones =
            [
                new PlanMilestone
                {
                    Key = "m1",
                    Title = "Milepæl",
                    Kind = Features.Milestones.MilestoneKind.Other,
                    Timing = new PlanTiming { Precision = Features.Plans.TimingPrecision.Quarter, Year = 2025, Period = 9 },
                },
            ],
        };

        System.Globalization.CultureInfo.CurrentUICulture = TransferDatabase.Danish;
        var result = await TransferDatabase.CreateImporter(db).ImportAsync(document, CancellationToken.None);

        Assert.Equal("Milepæl 'm1': kvartal 9 findes ikke; kvartalet skal være 1-4.", Assert.Single(result.Errors));
    }
}
