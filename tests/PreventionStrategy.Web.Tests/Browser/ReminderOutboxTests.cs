using System.Globalization;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Reminders;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>An administrator plans a theme day in the browser, runs the reminder job and sees the deliveries in the outbox.</summary>
public sealed class ReminderOutboxTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Administrator_creates_a_theme_day_runs_the_reminder_job_and_sees_the_deliveries_in_the_outbox()
    {
        var id = MilestoneTestData.Unique();
        var unit = $"Sundhedsplejen {id}";
        var unitId = await browser.Site.CreateUnitAsync(unit);
        var nurse = $"sundhedsplejerske-{id}@norddjurs.test";
        var midwife = $"jordemoder-{id}@norddjurs.test";
        await browser.Site.CreatePersonAsync("Sundhedsplejerske Søs", nurse, unitId);
        await browser.Site.CreatePersonAsync("Jordemoder Jørgen", midwife, unitId);
        var strategyId = await browser.Site.StrategyIdAsync();
        var title = $"Temadag om tidlig opsporing {id}";
        var date = MilestoneTestData.DanishToday.AddDays(2);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Administrator);

        await page.GotoAsync($"/Milestones/Edit?strategyId={strategyId}");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Temadag" });
        await page.GetByLabel("Præcision", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Dato" });
        await page.GetByLabel("Dato", new() { Exact = true }).FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Starttidspunkt", new() { Exact = true }).FillAsync("09:00");
        await page.GetByLabel("Sluttidspunkt", new() { Exact = true }).FillAsync("15:00");
        await page.GetByLabel("Sted", new() { Exact = true }).FillAsync("Auning Kulturcenter");
        await page.GetByLabel(unit, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Deltager" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title, Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync("/Outbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Udbakke", Exact = true })).ToBeVisibleAsync();
        var clickedAtUtc = DateTime.UtcNow.AddSeconds(-1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kør påmindelsesjobbet nu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Påmindelsesjobbet er sat i gang");

        // Hangfire runs the job in the background: wait for its verdict rather than for a page to change, so a
        // slow machine waits longer and a failed job fails the test with its own exception instead of a timeout.
        await WaitForReminderJobAsync(clickedAtUtc, TimeSpan.FromSeconds(120));
        await page.ReloadAsync();

        var rows = page.Locator("#outbox tbody tr").Filter(new() { HasText = title });
        await Assertions.Expect(rows.Filter(new() { HasText = nurse })).ToContainTextAsync("Sendt");
        await Assertions.Expect(rows.Filter(new() { HasText = midwife })).ToContainTextAsync("Sendt");
        await Assertions.Expect(rows.Filter(new() { HasText = nurse })).ToContainTextAsync("Påmindelse");
        var pickedUp = Directory.GetFiles(browser.Site.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).To(nurse);
        Assert.Contains(pickedUp, m => m.Subject!.Contains(title));
    }

    private async Task WaitForReminderJobAsync(DateTime clickedAtUtc, TimeSpan timeout)
    {
        var monitor = browser.Site.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            // The run the button started, not an earlier run of the recurring job.
            if (monitor.SucceededJobs(0, 100).Any(j => j.Value.Job?.Method.Name == nameof(ReminderJob.RunAsync) && monitor.JobDetails(j.Key).CreatedAt >= clickedAtUtc))
            {
                return;
            }

            // A failed attempt goes to Failed, or to Scheduled when Hangfire will retry it: either way, report the exception now.
            var failedAttempt = monitor.FailedJobs(0, 100).Select(j => j.Key)
                .Concat(monitor.ScheduledJobs(0, 100).Select(j => j.Key))
                .Select(monitor.JobDetails)
                .SelectMany(d => d.History)
                .FirstOrDefault(h => h.StateName == "Failed");
            if (failedAttempt is not null)
            {
                Assert.Fail($"The reminder job failed: {string.Join("\n", failedAttempt.Data.Select(kv => $"{kv.Key}: {kv.Value}"))}");
            }

            await Task.Delay(250);
        }

        var statistics = monitor.GetStatistics();
        Assert.Fail(
            $"The reminder job did not finish within {timeout.TotalSeconds} s. Enqueued {statistics.Enqueued}, processing {statistics.Processing}, " +
            $"scheduled {statistics.Scheduled}, failed {statistics.Failed}, succeeded {statistics.Succeeded}, servers {statistics.Servers}.");
    }
}
