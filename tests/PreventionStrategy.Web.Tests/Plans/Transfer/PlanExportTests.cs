using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Plans.Transfer;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Tests.Plans.Transfer;

public sealed class PlanExportTests
{
    [Fact]
    public async Task Export_then_import_into_a_fresh_database_then_export_is_byte_identical()
    {
        await using var source = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead, TransferDatabase.StaffMember);
        var strategyId = await SeedRichPlanAsync(source);
        var first = await source.ExportAsync(strategyId);

        await using var target = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead, TransferDatabase.StaffMember);
        var result = await target.ImportAsync(first);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
        var second = await target.ExportAsync(result.StrategyId!.Value);

        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Snapshots_go_out_as_history_and_come_back_byte_identically_tied_to_their_meetings_and_comparing_as_before()
    {
        await using var source = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead, TransferDatabase.StaffMember);
        var strategyId = await SeedRichPlanAsync(source);
        var originalChanges = await FreezeTwoMeetingsAsync(source, strategyId);
        var first = await source.ExportAsync(strategyId);
        Assert.Equal(2, JsonNode.Parse(first)!["snapshots"]!.AsArray().Count);

        await using var target = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead, TransferDatabase.StaffMember);
        var result = await target.ImportAsync(first);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var second = await target.ExportAsync(result.StrategyId!.Value);
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));

        await using var db = target.CreateContext();
        var snapshots = await db.StrategySnapshots.Where(s => s.StrategyId == result.StrategyId).OrderBy(s => s.MeetingDate).ToListAsync();
        Assert.Equal([new DateOnly(2025, 1, 15), new DateOnly(2025, 4, 2)], snapshots.Select(s => s.MeetingDate));
        var meetings = await db.CommitteeMeetings.Where(m => snapshots.Select(s => s.CommitteeMeetingId).Contains(m.Id)).Select(m => m.MeetingDate).OrderBy(d => d).ToListAsync();
        Assert.Equal([new DateOnly(2025, 1, 15), new DateOnly(2025, 4, 2)], meetings);

        // The imported pair tells the same story, and its milestones are the imported ones (the archived one stays a stranger).
        var before = SnapshotDocument.Read(snapshots[0].Document);
        var after = SnapshotDocument.Read(snapshots[1].Document);
        Assert.Equal(originalChanges, SnapshotComparison.Compare(before, after).Select(c => (c.Kind, c.Title)));
        var imported = await db.Milestones.Where(m => m.StrategyId == result.StrategyId).Select(m => m.Id).ToListAsync();
        Assert.All(after.Milestones.Where(m => !m.IsArchived), m => Assert.Contains(m.Id, imported));
        Assert.All(after.Milestones.Where(m => m.IsArchived), m => Assert.True(m.Id < 0));
    }

    /// <summary>Snapshots for the committee's two meetings with changes between them: one done, one moved, one archived, a budget decided.</summary>
    private static async Task<List<(SnapshotChangeKind, string)>> FreezeTwoMeetingsAsync(TransferDatabase database, int strategyId)
    {
        await using var db = database.CreateContext();
        var builder = new SnapshotBuilder(db, TimeProvider.System);
        var meetings = await db.CommitteeMeetings.OrderBy(m => m.MeetingDate).ToListAsync();
        async Task FreezeAsync(CommitteeMeeting meeting)
        {
            var document = await builder.BuildAsync(strategyId, meeting.Id, CancellationToken.None);
            db.StrategySnapshots.Add(new StrategySnapshot { StrategyId = strategyId, CommitteeMeetingId = meeting.Id, MeetingDate = meeting.MeetingDate, TakenAtUtc = new DateTime(2025, 1, 1, 12, 0, 0), SchemaVersion = document.SchemaVersion, Document = document.Write() });
            await db.SaveChangesAsync();
        }

        // A milestone archived before the first meeting is in both snapshots, never in the plan file.
        var gone = new Milestone { StrategyId = strategyId, Title = "Nedlagt milepæl", Timing = PlannedTiming.InYear(2025), IsArchived = true };
        db.Milestones.Add(gone);
        await db.SaveChangesAsync();
        await FreezeAsync(meetings[0]);

        var milestones = await db.Milestones.Where(m => m.StrategyId == strategyId).OrderBy(m => m.Id).ToListAsync();
        var launch = milestones.Single(m => m.Title == "Ny indsats starter");
        launch.Status = MilestoneStatus.Done;
        var themeDay = milestones.Single(m => m.Title == "Temadag for medarbejdere");
        themeDay.ForecastDate = new DateOnly(2025, 4, 20);
        var budget = await db.BudgetInitiatives.Where(b => b.StrategyId == strategyId).OrderBy(b => b.Id).FirstAsync();
        budget.DecisionState = budget.DecisionState == BudgetDecisionState.Approved ? BudgetDecisionState.Rejected : BudgetDecisionState.Approved;
        await db.SaveChangesAsync();
        await FreezeAsync(meetings[1]);

        var stored = await db.StrategySnapshots.Where(s => s.StrategyId == strategyId).OrderBy(s => s.MeetingDate).Select(s => s.Document).ToListAsync();
        var changes = SnapshotComparison.Compare(SnapshotDocument.Read(stored[0]), SnapshotDocument.Read(stored[1])).Select(c => (c.Kind, c.Title)).ToList();
        Assert.Equal([(SnapshotChangeKind.Completed, "Ny indsats starter"), (SnapshotChangeKind.Moved, "Temadag for medarbejdere"), (SnapshotChangeKind.BudgetDecisionChanged, budget.Title)], changes);
        return changes;
    }

    [Fact]
    public async Task Export_writes_indented_utf8_with_Danish_letters_iso_dates_and_times()
    {
        await using var database = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead, TransferDatabase.StaffMember);
        var strategyId = await SeedRichPlanAsync(database);

        var bytes = await database.ExportAsync(strategyId);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), "no byte order mark");
        Assert.StartsWith("{\n  \"formatVersion\": 1,\n  \"strategy\": {\n", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Børneområdets strategi for færre anbringelser\"", text, StringComparison.Ordinal);
        Assert.Contains("\"date\": \"2025-03-06\"", text, StringComparison.Ordinal);
        Assert.Contains("\"startTime\": \"09:00\"", text, StringComparison.Ordinal);
        Assert.Contains("\"endTime\": \"15:30\"", text, StringComparison.Ordinal);
        Assert.Contains("\"precision\": \"halfYear\"", text, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"themeDay\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_includes_only_the_stakeholders_the_strategy_uses_and_the_units_above_them()
    {
        await using var database = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead, TransferDatabase.StaffMember);
        var strategyId = await SeedRichPlanAsync(database);

        await using var db = database.CreateContext();
        var document = await new PlanExporter(db).ExportAsync(strategyId, CancellationToken.None);

        Assert.NotNull(document);
        Assert.Equal(
            ["anne-jensen", "anne-jensen-2", "byraadet", "familieafdelingen", "ole-oestergaard", "socialforvaltningen", "sundhedsplejen"],
            document.Stakeholders.Select(s => s.Key));
        Assert.DoesNotContain(document.Stakeholders, s => s.Name is "Ubrugt enhed" or "Andet udvalgs enhed");
        Assert.Equal("socialforvaltningen", document.Stakeholders.Single(s => s.Key == "familieafdelingen").UnitKey);
    }

    [Fact]
    public async Task Export_gives_stakeholders_and_milestones_with_the_same_name_distinct_keys()
    {
        await using var database = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead, TransferDatabase.StaffMember);
        var strategyId = await SeedRichPlanAsync(database);

        await using var db = database.CreateContext();
        var document = await new PlanExporter(db).ExportAsync(strategyId, CancellationToken.None);

        Assert.NotNull(document);
        var annes = document.Stakeholders.Where(s => s.Name == "Anne Jensen").ToList();
        Assert.Equal(["anne-jensen", "anne-jensen-2"], annes.Select(s => s.Key));
        Assert.NotEqual(annes[0].UnitKey, annes[1].UnitKey);
        Assert.Equal(["statusmoede", "statusmoede-2"], document.Milestones.Where(m => m.Title == "Statusmøde").Select(m => m.Key));
        Assert.Equal(["fa1", "fa2"], document.FocusAreas.Select(f => f.Key));
    }

    [Fact]
    public async Task Export_uses_the_same_number_of_queries_however_large_the_plan_is()
    {
        await using var database = await TransferDatabase.CreateAsync(TransferDatabase.DepartmentHead, TransferDatabase.StaffMember);
        var strategyId = await SeedRichPlanAsync(database);

        async Task<int> QueriesToExportAsync()
        {
            var counter = new CommandCounter();
            await using var db = database.CreateContext(counter);
            Assert.NotNull(await new PlanExporter(db).ExportAsync(strategyId, CancellationToken.None));
            return counter.Count;
        }

        var before = await QueriesToExportAsync();
        await using (var db = database.CreateContext())
        {
            var strategy = await db.Strategies.Include(s => s.FocusAreas).SingleAsync(s => s.Id == strategyId);
            var owner = await db.Users.FirstAsync();
            for (var i = 1; i <= 20; i++)
            {
                var unit = new Stakeholder { Kind = StakeholderKind.Unit, Name = $"Enhed {i}", Unit = new Stakeholder { Kind = StakeholderKind.Unit, Name = $"Overenhed {i}" } };
                var milestone = new Milestone
                {
                    Title = $"Ekstra milepæl {i}",
                    Timing = PlannedTiming.InMonth(2026, (i % 12) + 1),
                    Owner = owner,
                    FocusAreas = [.. strategy.FocusAreas],
                    Stakeholders = [new MilestoneStakeholder { Stakeholder = new Stakeholder { Kind = StakeholderKind.Person, Name = $"Person {i}", Unit = unit } }],
                    Tasks = [new MilestoneTask { Title = "Opgave", Owner = owner }, new MilestoneTask { Title = "Endnu en opgave" }],
                };
                strategy.Milestones.Add(milestone);
                strategy.BudgetInitiatives.Add(new BudgetInitiative
                {
                    BudgetSketch = "Budget 2027-2030",
                    Title = $"Initiativ {i}",
                    Amounts = [new BudgetAmount { Year = 2027, AmountDkk = i }],
                    FocusAreas = [.. strategy.FocusAreas],
                    Milestones = [milestone],
                });
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await QueriesToExportAsync());
    }

    [Fact]
    public async Task Export_of_an_unknown_strategy_gives_null_and_writes_nothing()
    {
        await using var database = await TransferDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var exporter = new PlanExporter(db);
        using var output = new MemoryStream();

        Assert.Null(await exporter.ExportAsync(4711, CancellationToken.None));
        Assert.False(await exporter.WriteJsonAsync(4711, output, CancellationToken.None));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Export_names_a_download_after_the_strategy()
    {
        await using var database = await TransferDatabase.CreateAsync();
        var result = await database.ImportAsync(TransferDatabase.EmbeddedNorddjursPlan());
        await using var db = database.CreateContext();

        var document = await new PlanExporter(db).ExportAsync(result.StrategyId!.Value, CancellationToken.None);

        Assert.Equal("forebyggende-strategi-for-anbringelsesomraadet.json", PlanExporter.SuggestedFileName(document!));
    }

    [Fact]
    public void Slugs_spell_out_Danish_letters()
    {
        Assert.Equal("boerne-og-familieomraadet-medarbejdere", PlanKeys.Slug("Børne- og Familieområdet (medarbejdere)", "x"));
        Assert.Equal("aerlig-oe-aa-cafe", PlanKeys.Slug("  Ærlig Ø Å café! ", "x"));
        Assert.Equal("x", PlanKeys.Slug("—", "x"));
        Assert.True(PlanKeys.Slug(new string('a', 40) + " " + new string('b', 40), "x").Length <= PlanKeys.MaxSlugLength);
    }

    /// <summary>
    /// A plan built directly with EF (not through the importer), using every field of the format:
    /// all five precisions, times, nested units, namesakes, a precondition, tasks, amounts, a
    /// committee with members and meetings, plus stakeholders the strategy does not use.
    /// </summary>
    private static async Task<int> SeedRichPlanAsync(TransferDatabase database)
    {
        await using var db = database.CreateContext();
        var leder = await db.Users.SingleAsync(u => u.Email == TransferDatabase.DepartmentHead);
        var medarbejder = await db.Users.SingleAsync(u => u.Email == TransferDatabase.StaffMember);

        var forvaltning = new Stakeholder { Kind = StakeholderKind.Unit, Name = "Socialforvaltningen", Description = "Hele forvaltningen." };
        var afdeling = new Stakeholder { Kind = StakeholderKind.Unit, Name = "Familieafdelingen", Unit = forvaltning };
        var sundhedspleje = new Stakeholder { Kind = StakeholderKind.Unit, Name = "Sundhedsplejen" };
        var anneAfdeling = new Stakeholder { Kind = StakeholderKind.Person, Name = "Anne Jensen", Title = "Afdelingsleder", Email = "anne.jensen@kommune.dk", Unit = afdeling };
        var anneSundhed = new Stakeholder { Kind = StakeholderKind.Person, Name = "Anne Jensen", Title = "Sundhedsplejerske", Unit = sundhedspleje };
        var byraad = new Stakeholder { Kind = StakeholderKind.Unit, Name = "Byrådet", IsExternal = false };
        var ole = new Stakeholder { Kind = StakeholderKind.Person, Name = "Ole Østergaard", Title = "Udvalgsformand", Email = "oe@kommune.dk", Unit = byraad };
        db.Stakeholders.Add(new Stakeholder { Kind = StakeholderKind.Unit, Name = "Ubrugt enhed" });
        var otherUnit = new Stakeholder { Kind = StakeholderKind.Unit, Name = "Andet udvalgs enhed" };

        var committee = new Committee
        {
            Name = "Børne- og Ungeudvalget",
            Municipality = "Testkommune",
            Description = "Udvalget, planen forelægges.",
            Members = [ole],
            Meetings =
            [
                new CommitteeMeeting { MeetingDate = new DateOnly(2025, 4, 2), StartTime = new TimeOnly(16, 0), Location = "Rådhuset, mødelokale 1", BriefingDeadline = new DateOnly(2025, 3, 26), Notes = "Status på strategien." },
                new CommitteeMeeting { MeetingDate = new DateOnly(2025, 1, 15), BriefingDeadline = new DateOnly(2025, 1, 8) },
            ],
        };

        var strategy = new Strategy
        {
            Name = "Børneområdets strategi for færre anbringelser",
            Municipality = "Testkommune",
            Division = "Børn og Familie",
            Purpose = "Færre anbringelser; bedre kvalitet – også \"på tværs\".",
            Status = StrategyStatus.Draft,
            Committee = committee,
            KeyDates =
            [
                new StrategyKeyDate { Label = "Vedtaget i udvalget", Timing = PlannedTiming.OnDay(new DateOnly(2024, 5, 1)) },
                new StrategyKeyDate { Label = "Strategien evalueres", Timing = PlannedTiming.InYear(2027) },
            ],
        };
        var fa2 = new FocusArea { SortOrder = 2, Title = "Plejefamilier", Aims = "Flere plejefamilier." };
        var fa1 = new FocusArea { SortOrder = 1, Title = "Netværk", Description = "Flere netværksanbringelser." };
        strategy.FocusAreas.AddRange([fa2, fa1]);

        var decision = new Milestone { Title = "Budget vedtages", Kind = MilestoneKind.Decision, Timing = PlannedTiming.InMonth(2024, 10), Status = MilestoneStatus.Done, ProgressPercent = 100, CompletedOn = new DateOnly(2024, 10, 9), Owner = leder };
        var themeDay = new Milestone
        {
            Title = "Temadag for medarbejdere",
            Description = "Oplæg og workshops.",
            Kind = MilestoneKind.ThemeDay,
            Timing = PlannedTiming.OnDay(new DateOnly(2025, 3, 6), new TimeOnly(9, 0), new TimeOnly(15, 30)),
            Location = "Kulturhuset",
            Owner = leder,
            Status = MilestoneStatus.AtRisk,
            ProgressPercent = 40,
            ForecastDate = new DateOnly(2025, 3, 20),
            FocusAreas = [fa1, fa2],
            Stakeholders =
            [
                new MilestoneStakeholder { Stakeholder = anneSundhed, Role = StakeholderRole.Speaker },
                new MilestoneStakeholder { Stakeholder = afdeling, Role = StakeholderRole.Organiser },
                new MilestoneStakeholder { Stakeholder = anneAfdeling, Role = StakeholderRole.Responsible },
            ],
            Tasks =
            [
                new MilestoneTask { Title = "Book lokale", Owner = medarbejder, DueDate = new DateOnly(2025, 1, 10), IsDone = true, DoneOn = new DateOnly(2025, 1, 9) },
                new MilestoneTask { Title = "Send invitation", Owner = leder, DueDate = new DateOnly(2025, 2, 1) },
                new MilestoneTask { Title = "Evaluer dagen" },
            ],
        };
        var launch = new Milestone { Title = "Ny indsats starter", Kind = MilestoneKind.Launch, Timing = PlannedTiming.InQuarter(2025, 2), Precondition = decision, PreconditionNote = "Kun hvis budgettet vedtages.", FocusAreas = [fa2] };
        var status1 = new Milestone { Title = "Statusmøde", Kind = MilestoneKind.Other, Timing = PlannedTiming.InHalfYear(2025, 2), Description = "Første." };
        var status2 = new Milestone { Title = "Statusmøde", Kind = MilestoneKind.Other, Timing = PlannedTiming.InYear(2026), Description = "Andet.", Stakeholders = [new MilestoneStakeholder { Stakeholder = sundhedspleje, Role = StakeholderRole.Informed }] };
        strategy.Milestones.AddRange([status2, launch, themeDay, decision, status1]);

        strategy.BudgetInitiatives.AddRange(
        [
            new BudgetInitiative
            {
                BudgetSketch = "Budget 2025-2028",
                SortOrder = 2,
                Title = "Flere plejefamilier",
                DecisionState = BudgetDecisionState.PartlyApproved,
                DecisionNote = "Halvdelen bevilget.",
                Amounts = [new BudgetAmount { Year = 2026, AmountDkk = 750_000 }, new BudgetAmount { Year = 2025, AmountDkk = 1_500_000 }],
                FocusAreas = [fa2],
                Milestones = [launch, decision],
            },
            new BudgetInitiative { BudgetSketch = "Budget 2025-2028", SortOrder = 1, Title = "Netværkskoordinator", Description = "En koordinator.", Amounts = [new BudgetAmount { Year = 2025, AmountDkk = -200_000 }] },
        ]);

        var other = new Strategy { Name = "En anden strategi", Municipality = "Testkommune", Division = "Ældre" };
        other.Milestones.Add(new Milestone { Title = "Andet", Timing = PlannedTiming.InYear(2025), Stakeholders = [new MilestoneStakeholder { Stakeholder = otherUnit }] });

        db.Strategies.AddRange(other, strategy);
        await db.SaveChangesAsync();
        return strategy.Id;
    }
}
