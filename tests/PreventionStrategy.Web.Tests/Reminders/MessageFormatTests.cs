using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>
/// Messages that strict mail servers and calendar clients accept: the pickup folder's files as
/// SMTP would carry them, Message-IDs unique beyond one database, line breaks kept in HTML.
/// Each test has its own site writing to its pickup folder (the embedded default).
/// </summary>
public sealed class MessageFormatTests
{
    private const string Lines = "Første linje om tidlig opsporing.\nAnden linje: mød op i god tid.";

    [Fact]
    public async Task A_pickup_file_is_written_as_smtp_carries_it_crlf_short_lines_and_every_8bit_part_encoded()
    {
        await using var site = PickupSite();
        var email = $"pickup-{MilestoneTestData.Unique()}@norddjurs.test";
        var milestoneId = await site.CreateEventAsync("Temadag for skole, dagtilbud og sundhedspleje", MilestoneTestData.DanishToday.AddDays(2), [(await site.CreatePersonAsync("Åse Ørum", email), StakeholderRole.Participant)]);

        // One paragraph of 5,000 octets without a line break, as a pasted description can be.
        await SetDescriptionAsync(site, milestoneId, string.Concat(Enumerable.Repeat("Sårbare børn og unge skal opdages tidligt. ", 120)) + "\n" + Lines);
        await ReminderSite.RunJobAsync(site);

        var file = Assert.Single(Directory.GetFiles(site.MailFolder, "*.eml"));
        var bytes = await File.ReadAllBytesAsync(file);
        for (var i = 0; i < bytes.Length; i++)
        {
            Assert.False(bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'), $"A bare LF at octet {i}");
            Assert.False(bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n'), $"A bare CR at octet {i}");
            Assert.True(bytes[i] < 0x80, $"An 8-bit octet at {i}: every part with non-ASCII text must be quoted-printable or base64");
        }

        var longest = System.Text.Encoding.ASCII.GetString(bytes).Split("\r\n").Max(line => line.Length);
        Assert.True(longest <= 998, $"A line of {longest} octets");

        var message = MimeMessage.Load(file);
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            Assert.Contains(part.ContentTransferEncoding, new[] { ContentEncoding.QuotedPrintable, ContentEncoding.Base64, ContentEncoding.SevenBit });
        }

        Assert.Contains("Åse Ørum", message.TextBody);
        Assert.Contains(message.BodyParts.OfType<TextPart>(), p => p.ContentType.MimeType == "text/calendar");

        // And Python's email package, with its strict policy (any defect raises), reads it as a whole.
        var (exitCode, output) = await RunPythonAsync(
            "import email, email.policy, sys\n"
            + "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.strict)\n"
            + "parts = [p for p in m.walk() if not p.is_multipart()]\n"
            + "assert all(not p.defects for p in m.walk()), [p.defects for p in m.walk()]\n"
            + "print(len(parts), ' '.join(sorted(p.get_content_type() for p in parts)))\n",
            file);
        Assert.True(exitCode == 0, output);
        Assert.Equal("4 application/ics text/calendar text/html text/plain", output.Trim());
    }

    [Fact]
    public async Task A_line_break_in_the_description_is_kept_in_the_html_part()
    {
        await using var site = PickupSite();
        var email = $"linjer-{MilestoneTestData.Unique()}@norddjurs.test";
        var milestoneId = await site.CreateEventAsync("Temadag med to linjer", MilestoneTestData.DanishToday.AddDays(2), [(await site.CreatePersonAsync("Linjer", email), StakeholderRole.Participant)]);
        await SetDescriptionAsync(site, milestoneId, Lines);
        await ReminderSite.RunJobAsync(site);

        var message = MimeMessage.Load(Assert.Single(Directory.GetFiles(site.MailFolder, "*.eml")));
        Assert.Contains("Første linje om tidlig opsporing.<br>Anden linje: mød op i god tid.", message.HtmlBody);
        Assert.DoesNotContain("&#xA;", message.HtmlBody);
        Assert.Contains(Lines, message.TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Two_deliveries_in_two_databases_never_share_a_message_id()
    {
        var ids = new List<HashSet<string>>();
        var deliveryIds = new List<HashSet<long>>();
        for (var i = 0; i < 2; i++)
        {
            // Two installations with the same sender domain, or a database and its restored copy: the same row ids.
            await using var site = PickupSite();
            var email = $"id-{MilestoneTestData.Unique()}@norddjurs.test";
            await site.CreateEventAsync("Temadag", MilestoneTestData.DanishToday.AddDays(2), [(await site.CreatePersonAsync("Id", email), StakeholderRole.Participant)]);
            await ReminderSite.RunJobAsync(site);
            ids.Add(Directory.GetFiles(site.MailFolder, "*.eml").Select(f => MimeMessage.Load(f).MessageId!).ToHashSet());
            await using var db = site.CreateDbContext();
            var rows = await db.Deliveries.ToListAsync();
            deliveryIds.Add(rows.Select(d => d.Id).ToHashSet());

            // The random part is stored with the row when it is planned, so a resend after a crash repeats the id.
            Assert.All(rows, d => Assert.Contains($"delivery-{d.Id}-{d.MessageGuid:N}@", string.Join(" ", ids[^1])));
        }

        Assert.True(deliveryIds[0].Overlaps(deliveryIds[1]), "The two databases should reuse the same row ids, or the test proves nothing");
        Assert.NotEmpty(ids[0]);
        Assert.NotEmpty(ids[1]);
        Assert.Empty(ids[0].Intersect(ids[1]));
    }

    private static SiteFactory PickupSite()
    {
        var site = new SiteFactory();
        site.Settings["Reminders:SendFromHour"] = "0";
        _ = site.Server;
        return site;
    }

    private static async Task SetDescriptionAsync(SiteFactory site, int milestoneId, string description)
    {
        await using var db = site.CreateDbContext();
        var milestone = await db.Milestones.SingleAsync(m => m.Id == milestoneId);
        milestone.Description = description;
        await db.SaveChangesAsync();
    }

    private static async Task<(int ExitCode, string Output)> RunPythonAsync(string script, string argument)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", script, argument]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }
}
