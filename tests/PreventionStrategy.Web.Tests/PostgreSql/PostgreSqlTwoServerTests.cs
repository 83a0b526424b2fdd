using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Reminders;

namespace PreventionStrategy.Web.Tests.PostgreSql;

/// <summary>
/// Two site instances (two test hosts, as two servers behind a proxy) on one PostgreSQL database, sending through
/// the loopback SMTP server. Run alone: --filter "FullyQualifiedName~PostgreSql".
/// </summary>
public sealed class PostgreSqlTwoServerTests : IAsyncLifetime
{
    private LoopbackSmtpServer smtp = null!;

    private SiteFactory first = null!;

    private SiteFactory second = null!;

    public async Task InitializeAsync()
    {
        smtp = await LoopbackSmtpServer.StartAsync();
        first = Configure(new SiteFactory(postgreSql: true));
        _ = first.Server;
        second = Configure(new SiteFactory(first.Folder));
        _ = second.Server;
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_status_saved_on_one_server_is_seen_on_the_next_request_on_the_other_although_the_page_was_cached()
    {
        await using var db = first.CreateDbContext();
        var milestone = await db.Milestones.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
        var reader = await second.SignedInClientAsync(DemoUsers.DepartmentHead);
        var details = $"/Milestones/Details/{milestone.Id}";
        await reader.GetStringAsync(details);
        Assert.DoesNotContain("Arbejdsgruppen mødes hver anden uge på PostgreSQL", await reader.GetStringAsync(details));

        var owner = await first.SignedInClientAsync(DemoUsers.Administrator);
        var saved = await owner.SubmitAsync($"/Milestones/UpdateStatus/{milestone.Id}", new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.ProgressPercent"] = "40",
            ["Input.Comment"] = "Arbejdsgruppen mødes hver anden uge på PostgreSQL",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains("Arbejdsgruppen mødes hver anden uge på PostgreSQL", await reader.GetStringAsync(details));
    }

    [Fact]
    public async Task A_sign_in_cookie_from_one_server_works_on_the_other()
    {
        var browser = first.CreateBrowserlessClient();
        var signedIn = await browser.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.DepartmentHead,
            ["Input.Password"] = Pages.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PreventionStrategy.Auth=", StringComparison.Ordinal)).Split(';')[0];

        var elsewhere = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = SiteFactory.BaseAddress });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Milestones/Mine");
        request.Headers.Add("Cookie", cookie);
        var response = await elsewhere.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mine milepæle", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reminders_and_a_briefing_go_out_exactly_once_when_both_servers_run_the_job_at_the_same_moment()
    {
        var id = MilestoneTestData.Unique();
        var invited = new List<string>();
        var people = new List<(int, StakeholderRole)>();
        for (var i = 0; i < 15; i++)
        {
            var email = $"begge-{i}-{id}@norddjurs.test";
            invited.Add(email);
            people.Add((await first.CreatePersonAsync($"Deltager {i}", email), StakeholderRole.Participant));
        }

        await first.CreateEventAsync($"Temadag på to servere {id}", MilestoneTestData.DanishToday.AddDays(1), people);
        var members = new[] { $"udvalg-x-{id}@norddjurs.test", $"udvalg-y-{id}@norddjurs.test" };
        int meetingId;
        await using (var db = first.CreateDbContext())
        {
            var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
            var committee = await db.Committees.Include(c => c.Members).SingleAsync(c => c.Id == strategy.CommitteeId);
            committee.Members.AddRange(members.Select(e => new Stakeholder { Kind = StakeholderKind.Person, Name = $"Udvalgsmedlem {e[..9]}", Email = e }));
            var meeting = new CommitteeMeeting { CommitteeId = committee.Id, MeetingDate = MilestoneTestData.DanishToday.AddDays(3), BriefingDeadline = MilestoneTestData.DanishToday.AddDays(1) };
            db.CommitteeMeetings.Add(meeting);
            await db.SaveChangesAsync();
            meetingId = meeting.Id;
        }

        // Both servers' job at the same moment, twice each.
        using var start = new Barrier(4);
        await Task.WhenAll(new[] { first, second, first, second }.Select(site => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await ReminderSite.RunJobAsync(site);
        })));

        foreach (var email in invited.Concat(members))
        {
            Assert.Single(smtp.AcceptedRecipients, r => r == email);
        }

        await using (var db = first.CreateDbContext())
        {
            Assert.Equal(1, await db.CommitteeBriefings.CountAsync(b => b.CommitteeMeetingId == meetingId));
        }
    }

    [Fact]
    public async Task A_server_stopped_mid_batch_loses_and_duplicates_nothing_when_the_other_and_then_its_restart_run_the_job()
    {
        var id = MilestoneTestData.Unique();
        var held = $"hold-{id}@norddjurs.test";
        var others = new[] { $"foer-{id}@norddjurs.test", $"efter-{id}@norddjurs.test" };
        var people = new List<(int, StakeholderRole)>();
        foreach (var email in others.Prepend(held))
        {
            people.Add((await first.CreatePersonAsync("Stoppet", email), StakeholderRole.Participant));
        }

        await first.CreateEventAsync($"Temadag stoppet {id}", MilestoneTestData.DanishToday.AddDays(1), people);
        using (var scope = first.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().PlanAsync(CancellationToken.None);
        }

        // The first server goes down while the mail server has not yet answered for the held recipient.
        using var stop = new CancellationTokenSource();
        var run = Task.Run(async () =>
        {
            using var scope = first.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DeliverySender>().SendDueAsync(stop.Token);
        });
        while (!smtp.Events().Contains($"hold {held}"))
        {
            Assert.False(run.IsCompleted, "The run ended before it reached the held recipient.");
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await first.DisposeAsync();
        smtp.ReleaseHeld();

        // The other server runs the job, then the first comes back on the same database and runs it too.
        await ReminderSite.RunJobAsync(second);
        first = Configure(new SiteFactory(second.Folder));
        await ReminderSite.RunJobAsync(first);

        foreach (var email in others.Prepend(held))
        {
            Assert.Single(smtp.AcceptedRecipients, r => r == email);
        }
    }

    private SiteFactory Configure(SiteFactory site)
    {
        foreach (var (key, value) in smtp.SiteSettings())
        {
            site.Settings[key] = value;
        }

        site.Settings["Reminders:SendFromHour"] = "0";
        site.Settings["Reminders:RetryDelaySeconds"] = "1";
        return site;
    }
}
