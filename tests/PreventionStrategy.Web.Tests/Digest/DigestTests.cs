using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Browser;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Reminders;

namespace PreventionStrategy.Web.Tests.Digest;

/// <summary>The weekly digest, received through the loopback SMTP server and parsed with MimeKit as a mail client would.</summary>
public sealed class DigestTests(DigestSite fixture) : IClassFixture<DigestSite>
{
    private SiteFactory Site => fixture.Site;

    private static DateOnly Today => MilestoneTestData.DanishToday;

    [Fact]
    public async Task Owners_get_what_needs_their_update_with_links_and_everyone_their_events_of_the_next_two_weeks()
    {
        var id = MilestoneTestData.Unique();
        var owner = $"ejer-{id}@norddjurs.test";
        var ownerId = await Site.CreateUserAsync(owner, "Ejer Østergaard", Roles.DepartmentHead, null);
        var overdue = await Site.CreateMilestoneAsync($"Over tid {id}", ownerId, PlannedTiming.OnDay(Today.AddDays(-10)), MilestoneStatus.InProgress);
        var atRisk = await Site.CreateMilestoneAsync($"I risiko {id}", ownerId, status: MilestoneStatus.AtRisk);
        var stale = await Site.CreateMilestoneAsync($"Glemt {id}", ownerId, lastStatusUpdateAtUtc: DateTime.UtcNow.AddDays(-60));
        var fine = await Site.CreateMilestoneAsync($"I orden {id}", ownerId, status: MilestoneStatus.InProgress);
        var done = await Site.CreateMilestoneAsync($"Færdig {id}", ownerId, PlannedTiming.OnDay(Today.AddDays(-10)), MilestoneStatus.Done, 100);
        var indicator = await IndicatorAsync($"Netværksanbringelser {id}", ownerId);

        var staff = $"medarbejder-{id}@norddjurs.test";
        var staffPerson = await Site.CreatePersonAsync("Mette Medarbejder", staff);
        var soon = await Site.CreateEventAsync($"Temadag snart {id}", Today.AddDays(5), [(staffPerson, StakeholderRole.Participant)], new TimeOnly(9, 0), kind: MilestoneKind.Decision);
        var later = await Site.CreateEventAsync($"Temadag senere {id}", Today.AddDays(20), [(staffPerson, StakeholderRole.Participant)], kind: MilestoneKind.Decision);
        var quiet = $"stille-{id}@norddjurs.test";
        await Site.CreatePersonAsync("Stille Sørensen", quiet);

        await fixture.RunJobAsync();

        var toOwner = Assert.Single(fixture.Smtp.Messages().To(owner));
        Assert.Equal("Ugens overblik: 3 milepæle, 1 indikator", toOwner.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(toOwner.Body);
        Assert.Equal(new[] { "text/plain", "text/html" }, alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("List-Unsubscribe=One-Click", toOwner.Headers["List-Unsubscribe-Post"]);
        foreach (var milestone in new[] { overdue, atRisk, stale })
        {
            Assert.Contains($"http://localhost/Milestones/UpdateStatus/{milestone}", toOwner.TextBody);
            Assert.Contains($"href=\"http://localhost/Milestones/UpdateStatus/{milestone}\"", toOwner.HtmlBody);
        }

        Assert.DoesNotContain($"/Milestones/UpdateStatus/{fine}", toOwner.TextBody);
        Assert.DoesNotContain($"/Milestones/UpdateStatus/{done}", toOwner.TextBody);
        Assert.Contains("over tid", toOwner.TextBody);
        Assert.Contains("i risiko", toOwner.TextBody);
        Assert.Contains("ikke opdateret siden", toOwner.TextBody);
        Assert.Contains($"http://localhost/Indicators/Measurements/{indicator}?period=", toOwner.TextBody);
        Assert.DoesNotContain("begivenheder", toOwner.TextBody);

        var toStaff = Assert.Single(fixture.Smtp.Messages().To(staff), m => m.Subject!.StartsWith("Ugens overblik", StringComparison.Ordinal));
        Assert.Equal("Ugens overblik: 1 begivenhed", toStaff.Subject);
        Assert.Contains($"Temadag snart {id}", toStaff.TextBody);
        Assert.Contains("kl. 09.00", toStaff.TextBody);
        Assert.DoesNotContain($"Temadag senere {id}", toStaff.TextBody);
        Assert.DoesNotContain("Milepæle, der skal opdateres", toStaff.TextBody);
        _ = (soon, later);

        // Nothing to say, no email.
        Assert.Empty(fixture.Smtp.Messages().To(quiet));
    }

    [Fact]
    public async Task Digest_is_sent_once_per_week_even_when_the_job_runs_three_times_at_once_and_again_the_next_week()
    {
        var id = MilestoneTestData.Unique();
        var owner = $"uge-{id}@norddjurs.test";
        var ownerId = await Site.CreateUserAsync(owner, "Uge Ulriksen", Roles.DepartmentHead, null);
        await Site.CreateMilestoneAsync($"Over tid {id}", ownerId, PlannedTiming.OnDay(Today.AddDays(-3)), MilestoneStatus.InProgress);

        await Task.WhenAll(fixture.RunJobAsync(), fixture.RunJobAsync(), fixture.RunJobAsync());
        await fixture.RunJobAsync();
        Assert.Single(fixture.Smtp.Messages().To(owner));
        await using (var db = Site.CreateDbContext())
        {
            var key = Assert.Single(await db.Deliveries.Where(d => d.RecipientEmail == owner && d.Kind == DeliveryKind.Digest).Select(d => d.Key).ToListAsync());
            Assert.Matches($"^digest:\\d{{4}}-W\\d{{2}}:{System.Text.RegularExpressions.Regex.Escape(owner)}$", key);
        }

        Site.Clock.Offset = TimeSpan.FromDays(7);
        try
        {
            await fixture.RunJobAsync();
            await fixture.RunJobAsync();
        }
        finally
        {
            Site.Clock.Offset = TimeSpan.Zero;
        }

        Assert.Equal(2, fixture.Smtp.Messages().To(owner).Count);
    }

    [Fact]
    public async Task Two_servers_running_the_job_at_the_same_moment_send_one_digest()
    {
        var id = MilestoneTestData.Unique();
        var owner = $"servere-{id}@norddjurs.test";
        var ownerId = await Site.CreateUserAsync(owner, "Server Sørensen", Roles.DepartmentHead, null);
        await Site.CreateMilestoneAsync($"Over tid {id}", ownerId, PlannedTiming.OnDay(Today.AddDays(-3)), MilestoneStatus.InProgress);

        await using var second = fixture.SecondServer();
        await Task.WhenAll(ReminderSite.RunJobAsync(Site), ReminderSite.RunJobAsync(second), ReminderSite.RunJobAsync(second));
        Assert.Single(fixture.Smtp.Messages().To(owner));
    }

    [Fact]
    public async Task Choices_are_honoured_reminders_wait_for_the_digest_and_a_digest_switched_off_is_not_sent()
    {
        var id = MilestoneTestData.Unique();
        var owner = $"valg-{id}@norddjurs.test";
        var ownerId = await Site.CreateUserAsync(owner, "Valg Vinther", Roles.DepartmentHead, null);
        await Site.CreateMilestoneAsync($"Over tid {id}", ownerId, PlannedTiming.OnDay(Today.AddDays(-3)), MilestoneStatus.InProgress);
        var ownerPerson = await Site.CreatePersonAsync("Valg Vinther", owner);
        var off = $"fra-{id}@norddjurs.test";
        var offPerson = await Site.CreatePersonAsync("Fra Frederiksen", off);
        await Site.CreateEventAsync($"Temadag {id}", Today.AddDays(1), [(ownerPerson, StakeholderRole.Participant), (offPerson, StakeholderRole.Participant)]);
        await using (var db = Site.CreateDbContext())
        {
            db.MailPreferences.AddRange(
                new MailPreference { Email = owner, List = MailList.UpdateRequests, Choice = MailChoice.Never },
                new MailPreference { Email = owner, List = MailList.EventReminders, Choice = MailChoice.InDigest },
                new MailPreference { Email = off, List = MailList.Digest, Choice = MailChoice.Never });
            await db.SaveChangesAsync();
        }

        await fixture.RunJobAsync();

        // The reminder waits for the digest; the digest holds the event and not the milestones the owner said never to.
        var toOwner = Assert.Single(fixture.Smtp.Messages().To(owner));
        Assert.Equal("Ugens overblik: 1 begivenhed", toOwner.Subject);
        Assert.Contains($"Temadag {id}", toOwner.TextBody);
        Assert.DoesNotContain($"Over tid {id}", toOwner.TextBody);
        await using (var db = Site.CreateDbContext())
        {
            var reminder = await db.Deliveries.SingleAsync(d => d.RecipientEmail == owner && d.Kind == DeliveryKind.EventReminder);
            Assert.Equal((DeliveryState.Skipped, "Modtageren får den slags i ugens sammendrag."), (reminder.State, reminder.LastError));
        }

        // The digest switched off: the reminder comes as usual, no digest.
        var toOff = Assert.Single(fixture.Smtp.Messages().To(off));
        Assert.Contains($"Temadag {id}", toOff.Subject);
        Assert.DoesNotContain("Ugens overblik", toOff.Subject);
    }

    [Fact]
    public async Task The_html_part_reads_without_sideways_scrolling_or_images_at_375_and_1280_pixels_in_Chromium()
    {
        var id = MilestoneTestData.Unique();
        var owner = $"skaerm-{id}@norddjurs.test";
        var ownerId = await Site.CreateUserAsync(owner, "Skærm Skovgaard", Roles.DepartmentHead, null);
        await Site.CreateMilestoneAsync($"Et meget langt milepælsnavn om Børne-og-familieområdets-netværksanbringelsesopfølgningskoordineringsgruppemøderække {id}", ownerId, PlannedTiming.OnDay(Today.AddDays(-3)), MilestoneStatus.InProgress);
        var person = await Site.CreatePersonAsync("Skærm Skovgaard", owner);
        await Site.CreateEventAsync($"Temadag med et langt navn om anbringelsesområdet {id}", Today.AddDays(3), [(person, StakeholderRole.Participant)], kind: MilestoneKind.Decision);
        await fixture.RunJobAsync();
        var message = Assert.Single(fixture.Smtp.Messages().To(owner));
        var html = message.HtmlBody!;
        if (Environment.GetEnvironmentVariable("DIGEST_OUT") is { Length: > 0 } outFolder)
        {
            await message.WriteToAsync(Path.Combine(outFolder, "digest.eml"));
        }

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserSite.ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 }, JavaScriptEnabled = true });
            await page.SetContentAsync(html);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scrollWidth, clientWidth) = (widths[0], widths[1]);
            Assert.True(scrollWidth <= clientWidth, $"at {width} px the digest is {scrollWidth} px wide: it scrolls sideways");
            Assert.Contains("Milepæle, der skal opdateres", await page.InnerTextAsync("body"));
            if (Environment.GetEnvironmentVariable("DIGEST_OUT") is { Length: > 0 } folder)
            {
                // To look at it: the page as Chromium drew it at this width.
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"digest-{width}.png"), FullPage = true });
            }

            await page.CloseAsync();
        }
    }

    private async Task<int> IndicatorAsync(string name, string ownerId)
    {
        await using var db = Site.CreateDbContext();
        var indicator = new Indicator
        {
            StrategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            Name = name,
            Unit = IndicatorUnit.Count,
            Frequency = TimingPrecision.Year,
            Kind = IndicatorKind.Target,
            OwnerId = ownerId,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    }
}
