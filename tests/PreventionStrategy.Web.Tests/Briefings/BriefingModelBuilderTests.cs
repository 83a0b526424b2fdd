using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>What the builder reads from the database: history (archived milestones too), meetings and periods.</summary>
public sealed class BriefingModelBuilderTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Changes_since_a_date_include_completions_risks_and_archived_milestones_with_their_comments()
    {
        var now = DateTime.UtcNow;
        await using (var db = site.CreateDbContext())
        {
            var milestones = await db.Milestones.Where(m => m.StrategyId == site.Ids.Strategy).OrderBy(m => m.Id).Take(3).ToListAsync();
            db.MilestoneStatusUpdates.AddRange(
                Update(milestones[0].Id, now.AddHours(-2), MilestoneStatus.InProgress, MilestoneStatus.Done, "Afsluttet – godt samarbejde med Ærø"),
                Update(milestones[1].Id, now.AddHours(-1), MilestoneStatus.Planned, MilestoneStatus.AtRisk, "Mangler lokaler"),
                Update(milestones[2].Id, now.AddHours(-3), MilestoneStatus.Planned, MilestoneStatus.InProgress, "Arkiveret efter omlægning"),
                Update(milestones[1].Id, now.AddDays(-30), MilestoneStatus.Planned, MilestoneStatus.InProgress, "For gammel til at komme med"));
            milestones[2].IsArchived = true;
            await db.SaveChangesAsync();
        }

        var model = await BuildAsync(null, now.AddDays(-1));

        var changes = model.Changes.Items;
        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, c => c.Kind == BriefingChangeKind.Completed && c.Comment == "Afsluttet – godt samarbejde med Ærø" && c.ChangeText == "I gang → Gennemført");
        Assert.Contains(changes, c => c.Kind == BriefingChangeKind.NewRisk && c.Comment == "Mangler lokaler");
        Assert.Contains(changes, c => c.MilestoneArchived && c.Comment == "Arkiveret efter omlægning");
        Assert.DoesNotContain(changes, c => c.Comment == "For gammel til at komme med");

        using var pdf = new PdfReadBack(BriefingPdf.Generate(model));
        Assert.Contains(PdfReadBack.Squash("Afsluttet – godt samarbejde med Ærø"), pdf.Compact);
        Assert.Contains("(arkiveret)", pdf.Compact);
    }

    [Fact]
    public async Task A_briefing_for_a_meeting_looks_ahead_to_the_next_meeting_and_back_to_the_previous_one()
    {
        var today = TimeProvider.System.Today();
        int meetingId;
        await using (var db = site.CreateDbContext())
        {
            var meetings = new[] { today.AddDays(-40), today.AddDays(14), today.AddDays(70) }
                .Select(d => new CommitteeMeeting { CommitteeId = site.Ids.Committee, MeetingDate = d, BriefingDeadline = d.AddDays(-7) })
                .ToList();
            db.CommitteeMeetings.AddRange(meetings);
            await db.SaveChangesAsync();
            meetingId = meetings[1].Id;
        }

        var model = await BuildAsync(meetingId, null);

        Assert.Equal(today.AddDays(14), model.Header.MeetingDate);
        Assert.Equal(today.AddDays(70), model.ComingUp.Until);
        Assert.StartsWith("Frem til næste udvalgsmøde", model.ComingUp.PeriodText);
        Assert.Equal(today.AddDays(-40), DateOnly.FromDateTime(DanishTime.FromUtc(model.Changes.SinceUtc)));
        Assert.Equal("Børne- og Ungdomsudvalget", model.Header.CommitteeName);
    }

    [Fact]
    public async Task Wording_is_danish_whatever_the_callers_culture()
    {
        var previous = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        try
        {
            var model = await BuildAsync(null, null);

            var timings = model.FocusAreas.SelectMany(f => f.Milestones).Select(m => m.TimingText).ToList();
            Assert.Contains("1. kvartal 2025", timings);
            Assert.Contains("11. oktober 2024", timings);
            Assert.Contains(model.Summary.StatusCounts, c => c.StatusText == "Planlagt");
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static MilestoneStatusUpdate Update(int milestoneId, DateTime atUtc, MilestoneStatus from, MilestoneStatus to, string comment) => new()
    {
        MilestoneId = milestoneId,
        UpdatedAtUtc = atUtc,
        UpdatedByName = "Mette Medarbejder",
        OldStatus = from,
        NewStatus = to,
        Comment = comment,
    };

    private async Task<BriefingModel> BuildAsync(int? meetingId, DateTime? sinceUtc)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var builder = ActivatorUtilities.CreateInstance<BriefingModelBuilder>(scope.ServiceProvider);
        return await builder.BuildAsync(site.Ids.Strategy, meetingId, sinceUtc, statement: null);
    }
}
