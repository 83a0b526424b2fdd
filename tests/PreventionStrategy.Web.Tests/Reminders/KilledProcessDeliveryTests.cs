using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Xunit.Abstractions;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>
/// The real site as two OS processes on one database (a SQLite file, or PostgreSQL when the run asks for it:
/// <see cref="PostgreSqlCluster.ProviderVariable"/>), sending a theme day's reminders in small claims through a slow
/// loopback SMTP server. The process holding the claim is killed with SIGKILL half-way, at a point the mail server
/// chooses; it is started again, both run the job, and every recipient is counted at the mail server and in the
/// delivery table.
/// </summary>
public sealed class KilledProcessDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();

    private const int Recipients = 24;

    private readonly List<SiteProcess> processes = [];

    private LoopbackSmtpServer smtp = null!;

    private SiteFactory prepared = null!;

    public async Task InitializeAsync()
    {
        // A slow server: each message waits a tenth of a second for its 250, so the batch is still going when the kill comes.
        smtp = await LoopbackSmtpServer.StartAsync(replyDelay: TimeSpan.FromSeconds(0.1));

        // Migrated and seeded in-process (no job server); the processes then share its database.
        prepared = new SiteFactory();
        _ = prepared.Server;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        await prepared.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_process_killed_while_the_mail_server_reads_a_message_loses_and_duplicates_nothing_after_restart()
    {
        var outcome = await KillMidBatchAsync("hold");

        foreach (var email in outcome.Recipients)
        {
            Assert.Single(outcome.Received(email));
        }
    }

    /// <summary>
    /// The window no sender can close alone: the mail server has the message (a real server queues it before it
    /// replies) and the sender dies before the 250 reaches it or before it records the 250. The row is still claimed
    /// and pending, so the message goes again, with the same Message-ID; only that one message, only once more.
    /// </summary>
    [Fact]
    public async Task A_process_killed_after_the_mail_server_stored_a_message_but_before_its_reply_sends_that_message_once_more_with_its_Message_ID_and_nothing_else_twice()
    {
        var outcome = await KillMidBatchAsync("holdreply");

        foreach (var email in outcome.Recipients.Where(e => e != outcome.Held))
        {
            Assert.Single(outcome.Received(email));
        }

        var twice = outcome.Received(outcome.Held);
        Assert.Equal(2, twice.Count);
        Assert.Equal(twice[0].MessageId, twice[1].MessageId);
        Assert.StartsWith("delivery-", twice[0].MessageId, StringComparison.Ordinal);
    }

    private async Task<Outcome> KillMidBatchAsync(string heldPrefix)
    {
        var id = MilestoneTestData.Unique();
        // The held recipient in the middle whether the batch goes by address or by the order the persons were made.
        var recipients = Enumerable.Range(0, Recipients)
            .Select(i => i == Recipients / 2 ? $"{heldPrefix}-{id}@norddjurs.test" : $"{(i < Recipients / 2 ? "anna" : "zoe")}-{i}-{id}@norddjurs.test")
            .ToList();
        var held = recipients[Recipients / 2];
        var people = new List<(int, StakeholderRole)>();
        foreach (var email in recipients)
        {
            people.Add((await prepared.CreatePersonAsync($"Deltager {email[..12]}", email), StakeholderRole.Participant));
        }

        await prepared.CreateEventAsync($"Temadag, afbrudt afsendelse {id}", MilestoneTestData.DanishToday.AddDays(1), people);

        Log("prepared");
        var started = await Task.WhenAll(StartAsync(), StartAsync());
        var (first, second) = (started[0], started[1]);
        Log("two processes started");
        await RunJobAsync(first);

        // Caught mid-batch at the held recipient: who holds its claim (on PostgreSQL either process may have taken the job) is killed.
        await WaitForAsync(() => smtp.Events().Any(e => e == $"hold {held}" || e == $"stored-held {held}"), "the mail server to reach the held recipient");
        Log("held recipient reached");
        var holder = await DeliveryOfAsync(held);
        Assert.Equal(DeliveryState.Pending, holder.State);
        var killed = processes.Single(p => holder.ClaimedBy!.EndsWith(":" + p.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await killed.KillAsync();
        Log("killed " + killed.ProcessId);
        smtp.ReleaseHeld();

        // What the kill left behind: the held message not recorded as sent, its claim still there, part of the batch unsent.
        var left = await DeliveryOfAsync(held);
        Assert.Equal(DeliveryState.Pending, left.State);
        Assert.Equal(holder.ClaimedBy, left.ClaimedBy);
        Assert.True(await CountAsync(recipients, DeliveryState.Pending) > 1, "The kill came after the batch was done; nothing was left for the restart.");

        // The killed process comes back on the same database; both run the job.
        var survivor = first == killed ? second : first;
        var restarted = await StartAsync();
        Log("restarted");
        await RunJobAsync(restarted);
        await RunJobAsync(survivor);

        await WaitForAsync(async () => await CountAsync(recipients, DeliveryState.Sent) == Recipients && !await AnyClaimedAsync(), "every delivery to be sent and no claim left");

        Log("all sent");
        await using (var db = prepared.CreateDbContext())
        {
            var rows = await db.Deliveries.AsNoTracking().Where(d => recipients.Contains(d.RecipientEmail)).ToListAsync();
            Assert.Equal(recipients.Order(), rows.Select(r => r.RecipientEmail).Order());
            Assert.All(rows, r => Assert.True(r.State == DeliveryState.Sent && r.ClaimToken is null && r.ClaimedBy is null && r.ClaimedUntilUtc is null, $"{r.RecipientEmail}: {r.State}, claimed by {r.ClaimedBy}"));
        }

        return new Outcome(recipients, held, smtp.Messages());
    }

    private void Log(string step) => output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: {step}");

    private async Task<SiteProcess> StartAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = prepared.IsPostgreSql ? "PostgreSql" : "Sqlite",
            ["ConnectionStrings__Default"] = prepared.ConnectionString,
            ["Site__PublicBaseUrl"] = "http://localhost",
            ["Security__RequireHttps"] = "false",
            ["Security__RequireTwoFactorForEditors"] = "false",
            ["Jobs__ServerEnabled"] = "true",
            ["Reminders__SendFromHour"] = "0",
            ["Reminders__BatchSize"] = "8",
            ["Reminders__RetryDelaySeconds"] = "1",

            // The schedule stays out of the way (minutes 0 and 59); the test starts each run from the outbox.
            ["Reminders__IntervalMinutes"] = "59",
            ["Digest__Enabled"] = "false",
        };
        foreach (var (key, value) in smtp.SiteSettings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        var process = new SiteProcess(prepared.Folder, environment);
        lock (processes)
        {
            processes.Add(process);
        }

        using var client = new HttpClient { BaseAddress = process.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await process.FirstAnswerAsync(client, "/health")).StatusCode);
        return process;
    }

    /// <summary>*Kør nu* on the outbox, as an administrator signed in on that process.</summary>
    private static async Task RunJobAsync(SiteProcess process)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = process.BaseAddress };
        var signedIn = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.Administrator,
            ["Input.Password"] = Pages.DemoPassword,
        });
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Sign-in gave {(int)signedIn.StatusCode}: {process.Output}");
        var run = await client.SubmitAsync("/Outbox", new Dictionary<string, string>());
        Assert.True(run.StatusCode == HttpStatusCode.Redirect, $"Kør nu gave {(int)run.StatusCode}: {process.Output}");
    }

    private async Task<Delivery> DeliveryOfAsync(string email)
    {
        await using var db = prepared.CreateDbContext();
        return await db.Deliveries.AsNoTracking().SingleAsync(d => d.RecipientEmail == email);
    }

    private async Task<int> CountAsync(IReadOnlyList<string> recipients, DeliveryState state)
    {
        await using var db = prepared.CreateDbContext();
        return await db.Deliveries.CountAsync(d => recipients.Contains(d.RecipientEmail) && d.State == state);
    }

    private async Task<bool> AnyClaimedAsync()
    {
        await using var db = prepared.CreateDbContext();
        return await db.Deliveries.AnyAsync(d => d.ClaimToken != null || d.ClaimedBy != null);
    }

    private Task WaitForAsync(Func<bool> condition, string what) => WaitForAsync(() => Task.FromResult(condition()), what);

    /// <summary>Polls; the bound only keeps a broken run from hanging (PostgreSQL's job queue is polled every 15 s).</summary>
    private async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Waited in vain for {what}. Mail server: {string.Join(" | ", smtp.Events())}\n"
            + string.Join("\n----\n", processes.Select(p => p.Output)));
    }

    private sealed record Outcome(IReadOnlyList<string> Recipients, string Held, IReadOnlyList<MimeMessage> Messages)
    {
        public IReadOnlyList<MimeMessage> Received(string email) => Messages.To(email);
    }
}
