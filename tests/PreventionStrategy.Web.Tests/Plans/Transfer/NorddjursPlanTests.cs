using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Tests.Plans.Transfer;

/// <summary>The embedded Norddjurs plan (the demo data) imports cleanly and says what the seed document says.</summary>
public sealed class NorddjursPlanTests
{
    [Fact]
    public async Task Embedded_Norddjurs_plan_imports_without_errors_or_warnings()
    {
        await using var database = await TransferDatabase.CreateAsync();

        var result = await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
        Assert.NotNull(result.StrategyId);
    }

    [Fact]
    public async Task Norddjurs_strategy_has_its_name_division_purpose_and_key_dates_in_correct_Danish()
    {
        await using var database = await TransferDatabase.CreateAsync();
        var result = await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        await using var db = database.CreateContext();
        var strategy = await db.Strategies.Include(s => s.KeyDates).Include(s => s.Committee).SingleAsync(s => s.Id == result.StrategyId);
        Assert.Equal("Forebyggende strategi for anbringelsesområdet", strategy.Name);
        Assert.Equal("Norddjurs Kommune", strategy.Municipality);
        Assert.Equal("Børne- og Familieområdet", strategy.Division);
        Assert.Contains("mindske antallet af børn, der anbringes på institutioner", strategy.Purpose);

        var keyDates = strategy.KeyDates.OrderBy(k => k.Timing.Start).Select(k => k.Timing).ToList();
        Assert.Equal(
            [PlannedTiming.OnDay(new DateOnly(2023, 12, 14)), PlannedTiming.InMonth(2024, 8), PlannedTiming.OnDay(new DateOnly(2024, 8, 28))],
            keyDates);

        Assert.Equal("Børne- og Ungdomsudvalget", strategy.Committee?.Name);
        Assert.Equal(0, await db.CommitteeMeetings.CountAsync());
        Assert.Equal(0, await db.Set<Dictionary<string, object>>("CommitteeMembers").CountAsync());
    }

    [Fact]
    public async Task Norddjurs_plan_has_the_three_focus_areas_in_order()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        await using var db = database.CreateContext();
        var focusAreas = await db.FocusAreas.OrderBy(f => f.SortOrder).ToListAsync();
        Assert.Equal(
            [
                (1, "Flere netværksanbringelser"),
                (2, "Opkvalificering af familieplejeanbringelser"),
                (3, "Færre anbringelser på Børne- og Ungehjem og/eller kombinationsanbringelser"),
            ],
            focusAreas.Select(f => (f.SortOrder, f.Title)));
        Assert.All(focusAreas, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
        Assert.All(focusAreas, f => Assert.False(string.IsNullOrWhiteSpace(f.Aims)));
        Assert.Contains("aflastning", focusAreas[1].Description);
        Assert.Contains("mentorfamilier", focusAreas[2].Description);
    }

    [Fact]
    public async Task Norddjurs_milestones_have_the_precision_the_plan_states()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        await using var db = database.CreateContext();
        var milestones = (await db.Milestones.ToListAsync()).ToDictionary(m => m.Title);

        Assert.Equal(8, milestones.Count);
        Assert.Equal(PlannedTiming.InHalfYear(2024, 2), milestones["Budgetskitse 2025-2028 godkendes"].Timing);
        Assert.Equal(PlannedTiming.OnDay(new DateOnly(2024, 10, 11)), milestones["Afdækningsdag for den samlede ledelse"].Timing);
        Assert.Equal(PlannedTiming.OnDay(new DateOnly(2024, 12, 13)), milestones["Temadag om forankring af strategien"].Timing);
        Assert.Equal(PlannedTiming.OnDay(new DateOnly(2025, 2, 28)), milestones["Temamøde om den forebyggende strategi"].Timing);
        Assert.Equal(PlannedTiming.InQuarter(2025, 1), milestones["Task force til udsatte unge"].Timing);
        Assert.Equal(PlannedTiming.InHalfYear(2025, 1), milestones["Ny tilbudsvifte på anbringelsesområdet"].Timing);
        Assert.Equal(PlannedTiming.InHalfYear(2025, 1), milestones["Opdatering af indsatskataloger for BUCN"].Timing);
        Assert.Equal(PlannedTiming.InHalfYear(2025, 1), milestones["Afdækning af medarbejderkompetencer og kompetenceudvikling"].Timing);

        Assert.Equal(MilestoneKind.MappingDay, milestones["Afdækningsdag for den samlede ledelse"].Kind);
        Assert.Equal(MilestoneKind.ThemeDay, milestones["Temadag om forankring af strategien"].Kind);
        Assert.Equal(MilestoneKind.ThemeMeeting, milestones["Temamøde om den forebyggende strategi"].Kind);
        Assert.Equal(MilestoneKind.Launch, milestones["Task force til udsatte unge"].Kind);
        Assert.Equal(MilestoneKind.Decision, milestones["Budgetskitse 2025-2028 godkendes"].Kind);
        Assert.Contains("ingen dato", milestones["Budgetskitse 2025-2028 godkendes"].Description);

        // The quarter ends on its last day, the half-year on 30 June.
        Assert.Equal(new DateOnly(2025, 3, 31), milestones["Task force til udsatte unge"].Timing.End);
        Assert.Equal(new DateOnly(2025, 6, 30), milestones["Ny tilbudsvifte på anbringelsesområdet"].Timing.End);
    }

    [Fact]
    public async Task Norddjurs_milestones_are_planned_at_zero_progress_and_owned_by_the_department_head()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        await using var db = database.CreateContext();
        var milestones = await db.Milestones.Include(m => m.Owner).ToListAsync();
        Assert.All(milestones, m =>
        {
            Assert.Equal(MilestoneStatus.Planned, m.Status);
            Assert.Equal(0, m.ProgressPercent);
            Assert.Equal(TransferDatabase.DepartmentHead, m.Owner?.Email);
        });
    }

    [Fact]
    public async Task Norddjurs_task_force_starts_only_if_the_budget_sketch_is_approved()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        await using var db = database.CreateContext();
        var taskForce = await db.Milestones.Include(m => m.Precondition).SingleAsync(m => m.Title == "Task force til udsatte unge");
        Assert.Equal("Budgetskitse 2025-2028 godkendes", taskForce.Precondition?.Title);
        Assert.Contains("såfremt budgetskitsen", taskForce.PreconditionNote);
    }

    [Fact]
    public async Task Norddjurs_theme_days_concern_all_three_focus_areas_and_name_their_participants()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        await using var db = database.CreateContext();
        var milestones = await db.Milestones
            .Include(m => m.FocusAreas)
            .Include(m => m.Stakeholders).ThenInclude(l => l.Stakeholder)
            .ToDictionaryAsync(m => m.Title);
        foreach (var title in new[] { "Afdækningsdag for den samlede ledelse", "Temadag om forankring af strategien", "Temamøde om den forebyggende strategi" })
        {
            Assert.Equal([1, 2, 3], milestones[title].FocusAreas.Select(f => f.SortOrder).Order());
        }

        Assert.Equal(
            ["BUCN", "Børne- og Familierådgivningen", "FTI", "Familiehuset", "Sundhedsplejen", "UngNorddjurs"],
            milestones["Temadag om forankring af strategien"].Stakeholders.Select(l => l.Stakeholder!.Name).Order(StringComparer.Ordinal));
        var speaker = Assert.Single(milestones["Temamøde om den forebyggende strategi"].Stakeholders, l => l.Role == StakeholderRole.Speaker);
        Assert.Equal("Michael Petersen", speaker.Stakeholder!.Name);
        Assert.Contains(
            milestones["Afdækningsdag for den samlede ledelse"].Stakeholders,
            l => l.Stakeholder!.Name == "Social- og Boligstyrelsen" && l.Stakeholder.IsExternal);
    }

    [Fact]
    public async Task Norddjurs_stakeholders_are_the_units_of_the_plan_and_one_external_speaker_without_email()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        await using var db = database.CreateContext();
        var stakeholders = await db.Stakeholders.Include(s => s.Unit).ToListAsync();
        Assert.Equal(
            [
                "BUCN", "Børne- og Familieområdet (medarbejdere)", "Børne- og Familieområdets ledelse", "Børne- og Familierådgivningen",
                "FTI", "Familiehuset", "Sikkerhedskonsulenterne", "Social- og Boligstyrelsen", "Sundhedsplejen", "UngNorddjurs",
            ],
            stakeholders.Where(s => s.Kind == StakeholderKind.Unit).Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Sikkerhedskonsulenterne", "Social- og Boligstyrelsen"],
            stakeholders.Where(s => s.IsExternal && s.Kind == StakeholderKind.Unit).Select(s => s.Name).Order(StringComparer.Ordinal));

        var person = Assert.Single(stakeholders, s => s.Kind == StakeholderKind.Person);
        Assert.Equal("Michael Petersen", person.Name);
        Assert.True(person.IsExternal);
        Assert.Null(person.Email);
        Assert.Equal("Sikkerhedskonsulenterne", person.Unit?.Name);
    }

    [Fact]
    public async Task Norddjurs_budget_initiatives_are_proposed_and_carry_no_invented_amounts()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());

        await using var db = database.CreateContext();
        var initiatives = await db.BudgetInitiatives.Include(b => b.Amounts).Include(b => b.Milestones).OrderBy(b => b.SortOrder).ToListAsync();
        Assert.Equal(
            ["Task force til udsatte unge", "Vejledningscenter for unge i efterværn (18+)", "Midlertidig familieanbringelse"],
            initiatives.Select(b => b.Title));
        Assert.All(initiatives, b =>
        {
            Assert.Equal("Budgetskitse 2025-2028", b.BudgetSketch);
            Assert.Equal(BudgetDecisionState.Proposed, b.DecisionState);
            Assert.Empty(b.Amounts);
            Assert.Contains(b.Milestones, m => m.Title == "Budgetskitse 2025-2028 godkendes");
        });
        Assert.Contains(initiatives[0].Milestones, m => m.Title == "Task force til udsatte unge");
        Assert.Contains("under BUCN", initiatives[1].Description);
    }

    [Fact]
    public void Norddjurs_plan_has_no_letters_lost_in_the_pdf_extraction()
    {
        var text = System.Text.Encoding.UTF8.GetString(TransferDatabase.EmbeddedNorddjursPlan());

        // Words as the PDF extraction left them: "Barne" for "Børne", "omradet" for "området", "bgrn" for "børn".
        foreach (var broken in new[] { "Barne", "omradet", "bgrn", " pa ", "Radgivning", "stgtte", "malrettet", "foraeldre" })
        {
            Assert.DoesNotContain(broken, text, StringComparison.Ordinal);
        }

        Assert.Contains("Børne- og Familieområdet", text, StringComparison.Ordinal);
        Assert.Contains("rådgivningsforløb", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_the_imported_Norddjurs_plan_gives_back_the_embedded_file_byte_for_byte()
    {
        await using var database = await TransferDatabase.CreateAsync();
        var embedded = TransferDatabase.EmbeddedNorddjursPlan();
        var result = await database.ImportAsync(embedded);

        var exported = await database.ExportAsync(result.StrategyId!.Value);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(embedded), System.Text.Encoding.UTF8.GetString(exported));
    }
}
