using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Administration;

/// <summary>The administrators' forms for everything but milestones: bad input is explained in Danish and nothing is saved.</summary>
public sealed class AdministrationFormTests(DemoSite site) : IClassFixture<DemoSite>
{
    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        // form, field=value pairs separated by ';', the table that must not change, the expected message
        { "/Stakeholders/Edit", "Input.Name=Sundhedsplejen Nord;Input.Email=ikke@en@adresse", "Stakeholders", "E-mail er ikke en gyldig e-mailadresse." },
        { "/Stakeholders/Edit", "Input.Name=", "Stakeholders", "Navn skal udfyldes." },
        { "/Stakeholders/Edit", "Input.Name=Enhed;Input.UnitId=987654", "Stakeholders", "Den valgte enhed findes ikke." },
        { "/FocusAreas/Edit?strategyId={strategy}", "Input.Title=;Input.SortOrder=4", "FocusAreas", "Titel skal udfyldes." },
        { "/FocusAreas/Edit?strategyId={strategy}", "Input.Title=Tidlig indsats;Input.SortOrder=0", "FocusAreas", "Nummer skal være mellem 1 og 999." },
        { "/Committees/Edit", "Input.Name=;Input.Municipality=Norddjurs Kommune", "Committees", "Navn skal udfyldes." },
        { "/Committees/MeetingEdit?committeeId={committee}", "Input.MeetingDate=2027-01-20;Input.BriefingDeadline=2027-01-25", "CommitteeMeetings", "Fristen for orientering kan ikke ligge efter mødedatoen." },
        { "/Committees/MeetingEdit?committeeId={committee}", "Input.MeetingDate=;Input.BriefingDeadline=2027-01-10", "CommitteeMeetings", "Mødedato skal udfyldes." },
        { "/Budget/Edit?strategyId={strategy}", "Input.Title=Ny indsats;Input.BudgetSketch=Budgetskitse 2026-2029;Input.Amounts[0].Year=2026;Input.Amounts[0].Amount=100000;Input.Amounts[1].Year=2026;Input.Amounts[1].Amount=5", "BudgetInitiatives", "Året 2026 står mere end én gang. Hvert år må kun have ét beløb." },
        { "/Budget/Edit?strategyId={strategy}", "Input.Title=Ny indsats;Input.BudgetSketch=Budgetskitse 2026-2029;Input.FocusAreaIds=987654", "BudgetInitiatives", "Et valgt fokusområde findes ikke i strategien." },
        { "/Plans/Edit", "Input.Name=;Input.Municipality=Syddjurs Kommune;Input.Division=Børn og Unge", "Strategies", "Navn skal udfyldes." },
        { "/Plans/Edit", "Input.Name=Ny strategi;Input.Municipality=Syddjurs Kommune;Input.Division=Børn og Unge;Input.KeyDates[0].Label=Politisk behandling;Input.KeyDates[0].Timing.Precision=Quarter;Input.KeyDates[0].Timing.Year=2027;Input.KeyDates[0].Timing.Period=5", "Strategies", "Kvartalet skal være et tal fra 1 til 4." },
        { "/Milestones/TaskEdit?milestoneId={milestone}", "Input.Title=", "MilestoneTasks", "Titel skal udfyldes." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Each_administration_form_rejects_bad_input_with_a_Danish_message_and_saves_nothing(string form, string fields, string table, string message)
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var url = form.Replace("{strategy}", site.Ids.Strategy.ToString()).Replace("{committee}", site.Ids.Committee.ToString()).Replace("{milestone}", site.Ids.Milestone.ToString());
        var values = fields.Split(';').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        var before = await CountAsync(table);

        var response = await client.SubmitAsync(url, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.ParseAsync()).ErrorMessages());
        Assert.Equal(before, await CountAsync(table));
    }

    [Fact]
    public async Task A_unit_with_members_cannot_be_deleted_and_says_why()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        await using var db = site.CreateDbContext();
        var unit = await db.Stakeholders.FirstAsync(s => s.Members.Any());

        var response = await client.SubmitAsync($"/Stakeholders/Edit/{unit.Id}", new Dictionary<string, string>(), "main form[action*='handler=Delete']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            (await response.ParseAsync()).ErrorMessages(),
            m => m.StartsWith($"\"{unit.Name}\" kan ikke slettes, fordi enheden stadig har medlemmer", StringComparison.Ordinal));
        Assert.True(await db.Stakeholders.AnyAsync(s => s.Id == unit.Id));
    }

    private async Task<int> CountAsync(string table)
    {
        await using var db = site.CreateDbContext();
        return table switch
        {
            "Stakeholders" => await db.Stakeholders.CountAsync(),
            "FocusAreas" => await db.FocusAreas.CountAsync(),
            "Committees" => await db.Committees.CountAsync(),
            "CommitteeMeetings" => await db.CommitteeMeetings.CountAsync(),
            "BudgetInitiatives" => await db.BudgetInitiatives.CountAsync() + await db.BudgetAmounts.CountAsync(),
            "Strategies" => await db.Strategies.CountAsync() + await db.StrategyKeyDates.CountAsync(),
            "MilestoneTasks" => await db.MilestoneTasks.CountAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
    }
}
