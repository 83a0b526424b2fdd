using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Hosting;

/// <summary><c>/metrics</c>: Prometheus text for the operator's scraper, nobody else's.</summary>
public sealed class MetricsTests
{
    private static SiteFactory SiteWithMetrics(bool jobServer = false)
    {
        var site = new SiteFactory();
        site.Settings["Metrics:Enabled"] = "true";
        if (jobServer)
        {
            site.Settings["Jobs:ServerEnabled"] = "true";
        }

        return site;
    }

    [Fact]
    public async Task Metrics_count_requests_per_page_and_the_messages_waiting_in_the_outbox()
    {
        await using var site = SiteWithMetrics();
        var client = await site.SignedInClientAsync(DemoUsers.DepartmentHead);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Milestones")).StatusCode);
        await using (var db = site.CreateDbContext())
        {
            var later = DateTime.UtcNow.AddDays(3);
            for (var i = 0; i < 3; i++)
            {
                db.Deliveries.Add(new Delivery { Key = $"metrics-test:{i}", Kind = DeliveryKind.EventReminder, RecipientEmail = "nogen@norddjurs.dk", CreatedAtUtc = DateTime.UtcNow.AddHours(-2), NextAttemptAtUtc = later });
            }

            await db.SaveChangesAsync();
        }

        var scrape = await site.CreateBrowserlessClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.True(Value(text, "http_server_request_duration_seconds_count", "http_route=\"Milestones\"", "http_response_status_code=\"200\"") >= 1, text);
        Assert.Equal(3, Value(text, "preventionstrategy_deliveries_pending"));
        var oldest = Value(text, "preventionstrategy_deliveries_oldest_pending_age_seconds");
        Assert.InRange(oldest, 2 * 3600 - 60, 3 * 3600);
        Assert.Contains("dotnet_gc_heap_total_allocated_bytes_total", text);
    }

    [Fact]
    public async Task A_job_run_and_what_it_sent_are_counted()
    {
        await using var site = SiteWithMetrics(jobServer: true);
        var client = site.CreateBrowserlessClient();
        var userId = await site.UserIdAsync(DemoUsers.DepartmentHead);
        await using (var db = site.CreateDbContext())
        {
            var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
            strategy.Committee ??= new Committee { Name = "Børne- og Ungdomsudvalget", Municipality = strategy.Municipality };
            var today = DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime);
            var meeting = new CommitteeMeeting { Committee = strategy.Committee, MeetingDate = today.AddDays(12), BriefingDeadline = today.AddDays(8) };
            db.CommitteeMeetings.Add(meeting);
            await db.SaveChangesAsync();
            db.Deliveries.Add(new Delivery
            {
                Key = $"update-request:{meeting.Id}:{userId}",
                Kind = DeliveryKind.UpdateRequest,
                CommitteeMeetingId = meeting.Id,
                UserId = userId,
                RecipientEmail = DemoUsers.DepartmentHead,
                CreatedAtUtc = DateTime.UtcNow,
                NextAttemptAtUtc = DateTime.UtcNow.AddMinutes(-1),
            });
            await db.SaveChangesAsync();
        }

        var before = Value(await client.GetStringAsync("/metrics"), "preventionstrategy_deliveries_sent_total", "kind=\"UpdateRequest\"");
        new BackgroundJobClient(site.Services.GetRequiredService<JobStorage>()).Enqueue<ReminderJob>(job => job.SendPendingAsync(CancellationToken.None));

        string text;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            text = await client.GetStringAsync("/metrics");
        }
        while (Value(text, "preventionstrategy_job_duration_seconds_count", "job=\"ReminderJob\"", "outcome=\"succeeded\"") < 1 && DateTime.UtcNow < deadline);

        Assert.True(Value(text, "preventionstrategy_job_duration_seconds_count", "job=\"ReminderJob\"", "outcome=\"succeeded\"") >= 1, text);
        Assert.True(Value(text, "preventionstrategy_deliveries_sent_total", "kind=\"UpdateRequest\"") >= before + 1, text);
        await using (var db = site.CreateDbContext())
        {
            Assert.Equal(DeliveryState.Sent, (await db.Deliveries.SingleAsync(d => d.Kind == DeliveryKind.UpdateRequest)).State);
        }
    }

    [Fact]
    public async Task Drawing_a_briefing_is_timed()
    {
        await using var site = SiteWithMetrics();
        var admin = await site.SignedInClientAsync(DemoUsers.Administrator);
        int strategyId;
        await using (var db = site.CreateDbContext())
        {
            strategyId = (await db.Strategies.OrderBy(s => s.Id).FirstAsync()).Id;
        }

        var before = Value(await site.CreateBrowserlessClient().GetStringAsync("/metrics"), "preventionstrategy_briefing_render_duration_seconds_count");
        var url = $"/Briefings/Create?strategyId={strategyId}";
        var pdf = await admin.SubmitFormAsync(await admin.GetDocumentAsync(url), url + "&handler=Download", new Dictionary<string, string> { ["Input.MeetingId"] = "" });
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        var text = await site.CreateBrowserlessClient().GetStringAsync("/metrics");
        Assert.True(Value(text, "preventionstrategy_briefing_render_duration_seconds_count") >= before + 1, text);
    }

    [Fact]
    public async Task Metrics_are_not_found_from_outside_the_allowed_networks_nor_when_turned_off()
    {
        await using (var site = SiteWithMetrics())
        {
            var stranger = site.CreateBrowserlessClient();
            stranger.DefaultRequestHeaders.Add(TestClientAddress.Header, "192.0.2.44");
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/metrics")).StatusCode);

            var signedInStranger = await site.SignedInClientAsync(DemoUsers.Administrator);
            signedInStranger.DefaultRequestHeaders.Add(TestClientAddress.Header, "192.0.2.45");
            var refused = await signedInStranger.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.DoesNotContain("preventionstrategy_", await refused.Content.ReadAsStringAsync());
        }

        await using (var site = SiteWithMetrics())
        {
            site.Settings["Metrics:AllowedNetworks:0"] = "192.0.2.0/24";
            site.Settings["Metrics:AllowedNetworks:1"] = "10.0.0.0/8";
            var scraper = site.CreateBrowserlessClient();
            scraper.DefaultRequestHeaders.Add(TestClientAddress.Header, "10.20.30.40");
            Assert.Equal(HttpStatusCode.OK, (await scraper.GetAsync("/metrics")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await site.CreateBrowserlessClient().GetAsync("/metrics")).StatusCode);
        }

        await using (var site = new SiteFactory())
        {
            var local = await site.SignedInClientAsync(DemoUsers.Administrator);
            Assert.Equal(HttpStatusCode.NotFound, (await local.GetAsync("/metrics")).StatusCode);
        }
    }

    [Fact]
    public void A_network_that_is_not_in_CIDR_form_stops_the_site_with_a_message_naming_it()
    {
        using var site = SiteWithMetrics();
        site.Settings["Metrics:AllowedNetworks:0"] = "kontoret";
        var failure = Assert.ThrowsAny<Exception>(() => site.CreateBrowserlessClient());
        Assert.Contains("Metrics:AllowedNetworks holds 'kontoret'", failure.ToString());
    }

    /// <summary>The value of the first sample of <paramref name="metric"/> whose labels hold all of <paramref name="labels"/>; 0 when none.</summary>
    private static double Value(string text, string metric, params string[] labels)
    {
        foreach (Match line in Regex.Matches(text, $@"^{Regex.Escape(metric)}(\{{(?<labels>[^}}]*)\}})? (?<value>\S+)", RegexOptions.Multiline))
        {
            if (labels.All(l => line.Groups["labels"].Value.Contains(l)))
            {
                return double.Parse(line.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
