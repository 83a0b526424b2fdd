using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PreventionStrategy.Web.Features.Demo;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Briefings;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Demo;

/// <summary>The demo's invented data: there when asked for, marked wherever it shows, and never otherwise.</summary>
public sealed class DemoExampleTests
{
    private static readonly DateOnly DemoDay = new(2024, 11, 29);

    private static SiteFactory DemoAsOf(DateOnly day)
    {
        var site = new SiteFactory();
        site.Settings["Demo:ExampleData"] = "true";
        var danishNow = day.ToDateTime(new TimeOnly(10, 0));
        site.Clock.Offset = TimeZoneInfo.ConvertTimeToUtc(danishNow, Web.Features.Shared.DanishTime.Zone) - DateTime.UtcNow;
        return site;
    }

    [Fact]
    public async Task Example_data_shows_a_plan_in_flight_and_every_invented_piece_says_Eksempeldata()
    {
        await using var site = DemoAsOf(DemoDay);
        _ = site.CreateBrowserlessClient();
        await using var db = site.CreateDbContext();

        var updates = await db.MilestoneStatusUpdates.AsNoTracking().Include(u => u.Milestone).ToListAsync();
        Assert.Equal(DemoExamples.Updates.Count, updates.Count);
        Assert.All(updates, u => Assert.StartsWith("Eksempeldata:", u.Comment));
        var atRisk = Assert.Single(updates, u => u.NewStatus == MilestoneStatus.AtRisk);
        Assert.Equal(DemoExamples.AtRiskExplanation.Reason, atRisk.Reason);
        Assert.Equal(new DateOnly(2024, 12, 16), atRisk.NextStepDate);
        Assert.All(new[] { atRisk.Reason, atRisk.ConsequenceForPlan, atRisk.ConsequenceForFamilies, atRisk.NextStep }, part => Assert.StartsWith("Eksempeldata:", part));
        var milestones = await db.Milestones.AsNoTracking().ToDictionaryAsync(m => m.Title);
        Assert.Equal(MilestoneStatus.Done, milestones["Afdækningsdag for den samlede ledelse"].Status);
        Assert.Equal(MilestoneStatus.AtRisk, milestones["Ny tilbudsvifte på anbringelsesområdet"].Status);
        Assert.Equal(MilestoneStatus.Planned, milestones["Temamøde om den forebyggende strategi"].Status);

        var persons = await db.Stakeholders.AsNoTracking().Where(s => s.Kind == StakeholderKind.Person && s.Email != null).ToListAsync();
        Assert.Equal(DemoExamples.Persons.Count, persons.Count);
        Assert.All(persons, p => Assert.Contains("Eksempeldata", p.Title));

        // No invented figure for a period not over by the demo's day; the sources' own figures stay.
        var figures = await db.IndicatorMeasurements.AsNoTracking().Include(m => m.Indicator).ToListAsync();
        Assert.DoesNotContain(figures, f => f.Indicator!.IsExampleData && f.Period.End >= DemoDay);
        Assert.Contains(figures, f => f.Indicator!.IsExampleData);
        Assert.Contains(figures, f => !f.Indicator!.IsExampleData);

        var meetings = await db.CommitteeMeetings.AsNoTracking().OrderBy(m => m.MeetingDate).ToListAsync();
        Assert.Equal(3, meetings.Count);
        Assert.All(meetings, m => Assert.StartsWith("Eksempeldata:", m.Notes));

        // The decision the at-risk update asks of the November meeting waits for the administrator to record the answer.
        var decision = Assert.Single(await db.CommitteeDecisions.AsNoTracking().ToListAsync());
        Assert.Equal(meetings[1].Id, decision.CommitteeMeetingId);
        Assert.Null(decision.Answer);
        Assert.StartsWith("Eksempeldata:", decision.Question);
        var leader = await site.SignedInClientAsync(DemoUsers.DepartmentHead);
        var dashboard = System.Net.WebUtility.HtmlDecode(await leader.GetStringAsync($"/Plans/Dashboard/{await site.StrategyIdAsync()}"));
        Assert.Contains(decision.Question, dashboard);

        // One frozen snapshot per meeting a briefing was issued for.
        Assert.Equal([meetings[0].Id, meetings[1].Id], (await db.StrategySnapshots.AsNoTracking().OrderBy(x => x.MeetingDate).ToListAsync()).Select(x => x.CommitteeMeetingId));

        // Issued on their own day: the first shows the plan before any update, the second after the mapping day.
        var briefings = await db.CommitteeBriefings.AsNoTracking().OrderBy(b => b.IssuedAtUtc).ToListAsync();
        Assert.Equal([meetings[0].Id, meetings[1].Id], briefings.Select(b => b.CommitteeMeetingId!.Value));
        Assert.All(briefings, b => Assert.StartsWith("Eksempeldata:", b.Statement));
        using (var first = new PdfReadBack(briefings[0].Content))
        {
            Assert.Contains(PdfReadBack.Squash("16. september 2024"), first.Compact);
            Assert.DoesNotContain(PdfReadBack.Squash("Opsamlingen er sendt rundt"), first.Compact);
            Assert.Contains(PdfReadBack.Squash("Eksempeldata: Strategien er vedtaget"), first.Compact);
        }

        using (var second = new PdfReadBack(briefings[1].Content))
        {
            Assert.Contains(PdfReadBack.Squash("Opsamlingen er sendt rundt"), second.Compact);
            Assert.DoesNotContain(PdfReadBack.Squash("Temadagen er holdt"), second.Compact);
            Assert.Contains(PdfReadBack.Squash(decision.Question), PdfReadBack.Squash(second.Pages[0].Text));

            // Each change since the September snapshot is dated by its update, not by the day the briefing was made.
            var front = PdfReadBack.Squash(second.Pages[0].Text);
            Assert.Contains(PdfReadBack.Squash("8. november 2024 kl. 10.00"), front);
            Assert.Contains(PdfReadBack.Squash("14. oktober 2024 kl. 10.00"), front);
        }
    }

    [Fact]
    public async Task The_theme_days_first_reminder_reaches_the_example_persons_in_the_invited_units_on_the_demo_day()
    {
        await using var site = DemoAsOf(DemoDay);
        _ = site.CreateBrowserlessClient();
        using (var scope = site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
        }

        var themeDay = Directory.GetFiles(site.MailFolder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => (m.Subject ?? string.Empty).Contains("Temadag om forankring af strategien"))
            .SelectMany(m => m.To.Mailboxes.Select(a => a.Address))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(DemoExamples.Persons.Select(p => p.Email).Order(StringComparer.Ordinal), themeDay);
    }

    [Fact]
    public async Task Only_what_has_happened_by_the_demo_day_is_added()
    {
        await using var site = DemoAsOf(new DateOnly(2024, 10, 20));
        _ = site.CreateBrowserlessClient();
        await using var db = site.CreateDbContext();
        Assert.Equal(2, await db.MilestoneStatusUpdates.CountAsync());
        Assert.Equal(1, await db.CommitteeBriefings.CountAsync());
        Assert.Equal(3, await db.CommitteeMeetings.CountAsync());
    }

    [Fact]
    public async Task Without_the_setting_the_demo_holds_only_what_the_sources_say()
    {
        await using var site = new SiteFactory();
        _ = site.CreateBrowserlessClient();
        await using var db = site.CreateDbContext();
        Assert.Equal(0, await db.MilestoneStatusUpdates.CountAsync());
        Assert.Equal(0, await db.CommitteeMeetings.CountAsync());
        Assert.False(await db.Stakeholders.AnyAsync(s => s.Title != null && s.Title.Contains("Eksempeldata")));
    }

    [Theory]
    [InlineData("Demo:ExampleData", "true")]
    [InlineData("Demo:AsOf", "2024-11-25")]
    public void The_demo_settings_are_refused_outside_the_demo(string key, string value)
    {
        using var site = new SiteFactory();
        site.Settings["Demo:Enabled"] = "false";
        site.Settings[key] = value;
        var failure = Assert.ThrowsAny<Exception>(() => site.CreateBrowserlessClient());
        Assert.Contains("they need Demo:Enabled=true", failure.ToString());
    }
}
