using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Reminders;
using UglyToad.PdfPig;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>Issuing, archiving and sending briefings: by the scheduled job through a real SMTP server, and by hand.</summary>
public sealed class BriefingIssueTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task The_scheduled_job_issues_one_briefing_per_meeting_even_when_run_twice_and_every_member_receives_it()
    {
        var id = MilestoneTestData.Unique();
        var (strategyId, committeeId) = await CommitteeOfTheStrategyAsync();
        var members = new[] { $"udvalg-a-{id}@norddjurs.test", $"udvalg-b-{id}@norddjurs.test" };
        await AddMembersAsync(committeeId, members);
        var meetingId = await MeetingAsync(committeeId, MilestoneTestData.DanishToday.AddDays(3));

        await Task.WhenAll(Task.Run(fixture.RunJobAsync), Task.Run(fixture.RunJobAsync));
        await fixture.RunJobAsync();

        await using var db = Site.CreateDbContext();
        var briefing = await db.CommitteeBriefings.SingleAsync(b => b.CommitteeMeetingId == meetingId && b.StrategyId == strategyId);
        Assert.Equal(BriefingArchive.AutomaticIssuer, briefing.IssuedByName);
        Assert.Equal(1, briefing.Version);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(briefing.Content)), briefing.Sha256);

        foreach (var member in members)
        {
            var message = Assert.Single(fixture.Smtp.Messages().To(member));
            Assert.Equal(briefing.Title, message.Subject);
            Assert.Contains("Hermed statusorienteringen", message.TextBody);
            var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
            Assert.Equal("application/pdf", attachment.ContentType.MimeType);
            using var bytes = new MemoryStream();
            await attachment.Content!.DecodeToAsync(bytes);
            Assert.Equal(briefing.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
            using var pdf = PdfDocument.Open(bytes.ToArray());
            Assert.Contains($"Side 1 af {pdf.NumberOfPages}", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)));
        }

        Assert.Equal(2, await db.Deliveries.CountAsync(d => d.Kind == DeliveryKind.Briefing && d.CommitteeBriefingId == briefing.Id && d.State == DeliveryState.Sent));

        // The meeting's snapshot was frozen with the briefing, once.
        var snapshot = await db.StrategySnapshots.SingleAsync(s => s.CommitteeMeetingId == meetingId && s.StrategyId == strategyId);
        Assert.Equal(briefing.Id, snapshot.CommitteeBriefingId);
    }

    [Fact]
    public async Task The_job_sends_the_administrators_briefing_instead_of_issuing_its_own_and_the_archive_says_which_was_sent()
    {
        var id = MilestoneTestData.Unique();
        var plan = await PlantedPlan.CreateAsync(Site);
        await AddMembersAsync(plan.Committee.Id, [$"udvalg-c-{id}@norddjurs.test"]);
        var meetingId = await plan.MeetingAsync(MilestoneTestData.DanishToday.AddDays(3));
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var url = $"/Briefings/Create?strategyId={plan.Strategy.Id}";
        var issued = await admin.SubmitFormAsync(await admin.GetDocumentAsync(url), url + "&handler=Issue", new Dictionary<string, string> { ["Input.MeetingId"] = meetingId.ToString(), ["Input.Statement"] = "Forvaltningens bemærkning til mødet." });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        await fixture.RunJobAsync();

        await using var db = Site.CreateDbContext();
        var briefing = await db.CommitteeBriefings.SingleAsync(b => b.CommitteeMeetingId == meetingId);
        Assert.Equal("Forvaltningens bemærkning til mødet.", briefing.Statement);
        var message = Assert.Single(fixture.Smtp.Messages().To($"udvalg-c-{id}@norddjurs.test"));
        Assert.Contains(briefing.Sha256, message.TextBody);
        var archive = await admin.GetDocumentAsync($"/Briefings?strategyId={plan.Strategy.Id}");
        var row = Assert.Single(archive.QuerySelectorAll("#briefings tbody tr"));
        Assert.Contains("Sendt til udvalget", row.TextContent);
        Assert.Contains(briefing.Sha256, row.TextContent);
    }

    [Fact]
    public async Task An_administrator_issuing_at_the_same_moment_as_the_job_leaves_one_briefing_for_the_meeting_and_keeps_the_input_if_the_job_won()
    {
        // Three rounds: which of the two gets there first varies, the outcome must not.
        for (var round = 0; round < 3; round++)
        {
            var id = MilestoneTestData.Unique();
            var member = $"udvalg-samtidig-{round}-{id}@norddjurs.test";
            var plan = await PlantedPlan.CreateAsync(Site);
            await AddMembersAsync(plan.Committee.Id, [member]);
            var meetingId = await plan.MeetingAsync(MilestoneTestData.DanishToday.AddDays(3));
            var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
            var url = $"/Briefings/Create?strategyId={plan.Strategy.Id}";
            var page = await admin.GetDocumentAsync(url);
            var form = new Dictionary<string, string> { ["Input.MeetingId"] = meetingId.ToString(), ["Input.Statement"] = $"Bemærkning {id} til mødet." };

            // Both on the same real SQLite file, released together: the administrator's post and the scheduled job.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var issue = Task.Run(async () =>
            {
                await start.Task;
                return await admin.SubmitFormAsync(page, url + "&handler=Issue", form);
            });
            var job = Task.Run(async () =>
            {
                await start.Task;
                return await fixture.RunJobAsync();
            });
            start.SetResult();
            await Task.WhenAll(issue, job);

            await using var db = Site.CreateDbContext();
            var briefing = await db.CommitteeBriefings.AsNoTracking().SingleAsync(b => b.CommitteeMeetingId == meetingId);
            var response = await issue;
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Null(briefing.AutomaticKey);
                Assert.Equal($"Bemærkning {id} til mødet.", briefing.Statement);
            }
            else
            {
                // The job's version came first: the administrator is told so in Danish, with the statement still in the form.
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.NotNull(briefing.AutomaticKey);
                var document = await response.ParseAsync();
                Assert.Contains("Mens du arbejdede, blev mødets orientering udsendt som version 1", document.Body!.TextContent);
                Assert.Equal($"Bemærkning {id} til mødet.", document.QuerySelector("textarea[name='Input.Statement']")?.TextContent.Trim());
            }

            Assert.Equal(1, briefing.Version);
            var sent = await db.Deliveries.AsNoTracking().Where(d => d.Kind == DeliveryKind.Briefing && d.CommitteeMeetingId == meetingId).ToListAsync();
            Assert.All(sent, d => Assert.Equal(briefing.Id, d.CommitteeBriefingId));
            Assert.Single(sent);
        }
    }

    [Fact]
    public async Task An_administrator_who_opened_the_form_before_the_job_issued_is_told_and_a_second_click_issues_a_new_version()
    {
        var id = MilestoneTestData.Unique();
        var plan = await PlantedPlan.CreateAsync(Site);
        await AddMembersAsync(plan.Committee.Id, [$"udvalg-d-{id}@norddjurs.test"]);
        var meetingId = await plan.MeetingAsync(MilestoneTestData.DanishToday.AddDays(3));
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var url = $"/Briefings/Create?strategyId={plan.Strategy.Id}";
        var opened = await admin.GetDocumentAsync(url);
        var form = new Dictionary<string, string> { ["Input.MeetingId"] = meetingId.ToString(), ["Input.Statement"] = "Bemærkning skrevet, mens jobbet kørte." };

        await fixture.RunJobAsync();
        var refused = await admin.SubmitFormAsync(opened, url + "&handler=Issue", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await refused.ParseAsync();
        Assert.Contains("Mens du arbejdede, blev mødets orientering udsendt som version 1 af Automatisk", shown.Body!.TextContent);
        Assert.Equal("Bemærkning skrevet, mens jobbet kørte.", shown.QuerySelector("textarea[name='Input.Statement']")?.TextContent.Trim());
        await using var db = Site.CreateDbContext();
        Assert.Single(await db.CommitteeBriefings.AsNoTracking().Where(b => b.CommitteeMeetingId == meetingId).ToListAsync());

        var again = await admin.SubmitFormAsync(shown, url + "&handler=Issue", form);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal([1, 2], await db.CommitteeBriefings.AsNoTracking().Where(b => b.CommitteeMeetingId == meetingId).OrderBy(b => b.Version).Select(b => b.Version).ToListAsync());
    }

    [Fact]
    public async Task File_names_carry_the_meeting_date_and_differ_between_meetings_issued_the_same_day()
    {
        var plan = await PlantedPlan.CreateAsync(Site);
        var first = await plan.MeetingAsync(new DateOnly(2027, 1, 14));
        var second = await plan.MeetingAsync(new DateOnly(2027, 3, 11));
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var url = $"/Briefings/Create?strategyId={plan.Strategy.Id}";

        var page = await admin.GetDocumentAsync(url);
        Assert.Equal(first.ToString(), page.QuerySelector("select[name='Input.MeetingId'] option[selected]")?.GetAttribute("value"));
        foreach (var meeting in new[] { first, second, second })
        {
            var issued = await admin.SubmitFormAsync(await admin.GetDocumentAsync(url), url + "&handler=Issue", new Dictionary<string, string> { ["Input.MeetingId"] = meeting.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        }

        await using var db = Site.CreateDbContext();
        var names = await db.CommitteeBriefings.Where(b => b.StrategyId == plan.Strategy.Id).OrderBy(b => b.Id).Select(b => b.FileName).ToListAsync();
        Assert.Equal(3, names.Distinct().Count());
        Assert.Contains("2027-01-14", names[0]);
        Assert.Contains("2027-03-11", names[1]);
    }

    [Fact]
    public async Task The_create_page_preselects_the_next_meeting_not_one_already_held()
    {
        var plan = await PlantedPlan.CreateAsync(Site);
        await plan.MeetingAsync(MilestoneTestData.DanishToday.AddDays(-20));
        var next = await plan.MeetingAsync(MilestoneTestData.DanishToday.AddDays(20));
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);

        var page = await admin.GetDocumentAsync($"/Briefings/Create?strategyId={plan.Strategy.Id}");

        Assert.Equal(next.ToString(), page.QuerySelector("select[name='Input.MeetingId'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_preview_of_a_long_briefing_shows_its_first_pages_and_says_so()
    {
        var plan = await PlantedPlan.CreateAsync(Site);
        var comment = string.Join(' ', Enumerable.Repeat("Forløbet følges tæt af familieplejen og skolen.", 8));
        for (var i = 0; i < 60; i++)
        {
            await plan.MilestoneAsync($"Milepæl {i}", PlannedTiming.OnDay(MilestoneTestData.DanishToday.AddDays(i * 7)), comment: comment, areaIndexes: [i % 3]);
        }

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var url = $"/Briefings/Create?strategyId={plan.Strategy.Id}";
        var response = await admin.SubmitFormAsync(await admin.GetDocumentAsync(url), url + "&handler=Preview", new Dictionary<string, string> { ["Input.MeetingId"] = "" });
        var html = await response.Content.ReadAsStringAsync();
        var preview = await response.ParseAsync();

        var images = preview.QuerySelectorAll(".briefing-preview img").ToList();
        Assert.Equal(CreateModel.PreviewMaxPages, images.Count);
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(images[0].GetAttribute("alt")!, @"af (\d+)").Groups[1].Value);
        Assert.True(total > CreateModel.PreviewMaxPages, $"the planted plan has only {total} pages");
        Assert.Equal($"Forhåndsvisningen viser de første {CreateModel.PreviewMaxPages} af {total} sider. Hent udkastet for at se dem alle.", preview.QuerySelector("#preview-limited")?.TextContent);
        Assert.True(html.Length < 1_500_000, $"the preview page is {html.Length / 1024} KB");
    }

    [Fact]
    public async Task No_briefing_is_issued_earlier_than_the_configured_days_before_the_meeting()
    {
        var (_, committeeId) = await CommitteeOfTheStrategyAsync();
        var meetingId = await MeetingAsync(committeeId, MilestoneTestData.DanishToday.AddDays(30));

        await fixture.RunJobAsync();

        await using var db = Site.CreateDbContext();
        Assert.False(await db.CommitteeBriefings.AnyAsync(b => b.CommitteeMeetingId == meetingId));
    }

    [Fact]
    public async Task Issuing_again_makes_a_new_version_and_leaves_the_earlier_one_as_it_was()
    {
        var (strategyId, committeeId) = await CommitteeOfTheStrategyAsync();
        var meetingId = await MeetingAsync(committeeId, MilestoneTestData.DanishToday.AddDays(40));
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var url = $"/Briefings/Create?strategyId={strategyId}";

        var first = await admin.SubmitFormAsync(await admin.GetDocumentAsync(url), url + "&handler=Issue", new Dictionary<string, string> { ["Input.MeetingId"] = meetingId.ToString(), ["Input.Statement"] = "Første udgave: planen følges." });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await using var db = Site.CreateDbContext();
        var v1 = await db.CommitteeBriefings.AsNoTracking().SingleAsync(b => b.CommitteeMeetingId == meetingId);

        var page = await admin.GetDocumentAsync(url);
        var form = new Dictionary<string, string> { ["Input.MeetingId"] = meetingId.ToString(), ["Input.Statement"] = "Anden udgave: ændret vurdering." };
        var second = await admin.SubmitFormAsync(page, url + "&handler=Issue", form);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var versions = await db.CommitteeBriefings.AsNoTracking().Where(b => b.CommitteeMeetingId == meetingId).OrderBy(b => b.Version).ToListAsync();
        Assert.Equal([1, 2], versions.Select(b => b.Version));
        Assert.Equal(v1.Sha256, versions[0].Sha256);
        Assert.Equal(v1.Content, versions[0].Content);
        Assert.Equal(DemoUsers.Administrator, (await db.Users.SingleAsync(u => u.Id == versions[1].IssuedById)).Email);
        using (var pdf = PdfDocument.Open(versions[1].Content))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("ændret", text);
            Assert.DoesNotContain("Første", text);
        }

        // The archive lists both, and a committee member downloads exactly the archived bytes.
        var committee = await Site.SignedInClientAsync(DemoUsers.Committee);
        var archive = await committee.GetDocumentAsync($"/Briefings?strategyId={strategyId}");
        var links = archive.QuerySelectorAll("#briefings a[download]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(links.Count >= 2);
        var download = await committee.GetAsync($"/Briefings?handler=Download&id={versions[0].Id}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(v1.Content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_issued_briefing_cannot_be_changed()
    {
        var (strategyId, _) = await CommitteeOfTheStrategyAsync();
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var url = $"/Briefings/Create?strategyId={strategyId}";
        var issued = await admin.SubmitFormAsync(await admin.GetDocumentAsync(url), url + "&handler=Issue", new Dictionary<string, string> { ["Input.MeetingId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        await using var db = Site.CreateDbContext();
        var briefing = await db.CommitteeBriefings.OrderByDescending(b => b.Id).FirstAsync();
        briefing.Content = [1, 2, 3];
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_preview_shows_every_page_and_an_unknown_meeting_gets_a_danish_message()
    {
        var (strategyId, _) = await CommitteeOfTheStrategyAsync();
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var url = $"/Briefings/Create?strategyId={strategyId}";
        var page = await admin.GetDocumentAsync(url);

        var preview = await (await admin.SubmitFormAsync(page, url + "&handler=Preview", new Dictionary<string, string> { ["Input.MeetingId"] = "" })).ParseAsync();
        var images = preview.QuerySelectorAll(".briefing-preview img").ToList();
        Assert.NotEmpty(images);
        Assert.All(images, img => Assert.StartsWith("data:image/png;base64,", img.GetAttribute("src")));
        // Every page up to the preview's limit; the alt text names the whole briefing's page count.
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(images[0].GetAttribute("alt")!, @"^Side 1 af (\d+)$").Groups[1].Value);
        Assert.Equal(Math.Min(total, Web.Features.Briefings.CreateModel.PreviewMaxPages), images.Count);

        await using var db = Site.CreateDbContext();
        var before = await db.CommitteeBriefings.CountAsync();
        var refused = await (await admin.SubmitFormAsync(page, url + "&handler=Issue", new Dictionary<string, string> { ["Input.MeetingId"] = "999999" })).ParseAsync();
        Assert.Contains("Vælg et af udvalgets møder eller \"Nu\".", refused.ErrorMessages());
        Assert.Equal(before, await db.CommitteeBriefings.CountAsync());
    }

    private async Task<(int StrategyId, int CommitteeId)> CommitteeOfTheStrategyAsync()
    {
        await using var db = Site.CreateDbContext();
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
        strategy.CommitteeId ??= await db.Committees.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        await db.SaveChangesAsync();
        return (strategy.Id, strategy.CommitteeId.Value);
    }

    private async Task AddMembersAsync(int committeeId, IEnumerable<string> emails)
    {
        await using var db = Site.CreateDbContext();
        var committee = await db.Committees.Include(c => c.Members).SingleAsync(c => c.Id == committeeId);
        committee.Members.AddRange(emails.Select(e => new Stakeholder { Kind = StakeholderKind.Person, Name = $"Udvalgsmedlem {e[..10]}", Email = e }));
        await db.SaveChangesAsync();
    }

    private async Task<int> MeetingAsync(int committeeId, DateOnly date)
    {
        await using var db = Site.CreateDbContext();
        var meeting = new CommitteeMeeting { CommitteeId = committeeId, MeetingDate = date, BriefingDeadline = date.AddDays(-2) };
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }
}
