using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Reminders;

namespace PreventionStrategy.Web.Tests.PostgreSql;

/// <summary>
/// <c>move-to-postgresql</c>, run as the documented command in a process of its own: a used SQLite site (users,
/// sessions, keys, plans, history, audit, deliveries, an issued briefing) into an empty PostgreSQL database.
/// </summary>
public sealed class PostgreSqlMoveTests : IAsyncLifetime
{
    private readonly SiteFactory sqlite = new(postgreSql: false);

    public async Task InitializeAsync()
    {
        sqlite.Settings["Reminders:SendFromHour"] = "0";
        _ = sqlite.Server;

        // History, audit, deliveries and a briefing with its PDF: the job issues one for a meeting in three days and mails it.
        var milestone = await sqlite.StrategyIdAsync();
        var admin = await sqlite.SignedInClientAsync(DemoUsers.Administrator);
        await using (var db = sqlite.CreateDbContext())
        {
            var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
            var committee = await db.Committees.Include(c => c.Members).SingleAsync(c => c.Id == strategy.CommitteeId);
            committee.Members.Add(new Stakeholder { Kind = StakeholderKind.Person, Name = "Udvalgsmedlem Ærø", Email = "udvalg-flyt@norddjurs.test" });
            db.CommitteeMeetings.Add(new CommitteeMeeting { CommitteeId = committee.Id, MeetingDate = MilestoneTestData.DanishToday.AddDays(3), BriefingDeadline = MilestoneTestData.DanishToday.AddDays(1) });
            await db.SaveChangesAsync();
            var first = await db.Milestones.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            var saved = await admin.SubmitAsync($"/Milestones/UpdateStatus/{first}", new Dictionary<string, string> { ["Input.Status"] = "InProgress", ["Input.ProgressPercent"] = "30", ["Input.Comment"] = "Flyttes med" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await ReminderSite.RunJobAsync(sqlite);
        Assert.True(milestone > 0);
    }

    public async Task DisposeAsync() => await sqlite.DisposeAsync();

    [Fact]
    public async Task A_used_SQLite_site_is_moved_table_by_table_verified_and_runs_on_PostgreSQL_with_its_sign_ins_keys_and_briefing()
    {
        // A browser signed in on the SQLite site before the move.
        var browser = sqlite.CreateBrowserlessClient();
        var signedIn = await browser.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string> { ["Input.Email"] = DemoUsers.DepartmentHead, ["Input.Password"] = Pages.DemoPassword });
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PreventionStrategy.Auth=", StringComparison.Ordinal)).Split(';')[0];
        byte[] pdf;
        await using (var db = sqlite.CreateDbContext())
        {
            pdf = (await db.CommitteeBriefings.SingleAsync()).Content;
        }

        var target = await PostgreSqlCluster.Shared.CreateDatabaseAsync("moved");
        var (exitCode, output) = await MoveAsync(target);

        Assert.True(exitCode == 0, output);
        var verdicts = output.Split('\n').Where(l => l.TrimEnd().EndsWith("same", StringComparison.Ordinal) || l.Contains("DIFFERENT", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(verdicts, l => l.Contains("DIFFERENT", StringComparison.Ordinal));
        foreach (var table in new[] { "AspNetUsers", "AspNetUserRoles", "SignInSessions", "DataProtectionKeys", "Strategies", "Milestones", "MilestoneStatusUpdates", "AuditEntries", "Deliveries", "CommitteeBriefings", "MilestoneFocusAreas" })
        {
            Assert.Contains(verdicts, l => l.StartsWith(table + " ", StringComparison.Ordinal));
        }

        Assert.Contains("All ", output);

        await using var moved = new SiteFactory(target, ownFolder: true);
        _ = moved.Server;
        await using (var db = moved.CreateDbContext())
        {
            var briefing = await db.CommitteeBriefings.SingleAsync();
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), Convert.ToHexStringLower(SHA256.HashData(briefing.Content)));
            Assert.Contains(await db.MilestoneStatusUpdates.Select(u => u.Comment).ToListAsync(), c => c == "Flyttes med");
        }

        // The cookie from before the move still signs the same person in: keys and sessions moved with the data.
        var client = moved.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = SiteFactory.BaseAddress });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Milestones/Mine");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        // New rows continue after the moved ids.
        var admin = await moved.SignedInClientAsync(DemoUsers.Administrator);
        var created = await admin.SubmitAsync("/Stakeholders/Edit", new Dictionary<string, string> { ["Input.Kind"] = "Person", ["Input.Name"] = "Ny efter flytningen", ["Input.Email"] = "ny-efter@norddjurs.test" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    [Fact]
    public async Task A_move_into_a_database_that_holds_data_is_refused_and_writes_nothing()
    {
        var target = await PostgreSqlCluster.Shared.CreateDatabaseAsync("filled");
        await using (var other = new SiteFactory(target, ownFolder: true))
        {
            _ = other.Server; // migrated and seeded with the demo
        }

        var (exitCode, output) = await MoveAsync(target);

        Assert.Equal(3, exitCode);
        Assert.Contains("Refused: the PostgreSQL database is not empty", output);
    }

    [Fact]
    public async Task The_backup_command_refuses_on_PostgreSQL_and_names_pg_dump()
    {
        var (exitCode, output) = await RunSiteCommandAsync(["backup", Path.Combine(sqlite.Folder, "x.db")], PostgreSqlCluster.Shared.CreateDatabase("backup"), "PostgreSql");

        Assert.Equal(2, exitCode);
        Assert.Contains("pg_dump", output);
        Assert.False(File.Exists(Path.Combine(sqlite.Folder, "x.db")));
    }

    private Task<(int, string)> MoveAsync(string target) =>
        RunSiteCommandAsync(["move-to-postgresql", target], sqlite.ConnectionString, "Sqlite");

    private static async Task<(int ExitCode, string Output)> RunSiteCommandAsync(string[] arguments, string connectionString, string provider)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PreventionStrategy.Web.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Database__Provider"] = provider;
        start.Environment["Site__PublicBaseUrl"] = "http://localhost";
        using var command = Process.Start(start)!;
        var output = command.StandardOutput.ReadToEndAsync();
        var errors = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        return (command.ExitCode, await output + await errors);
    }
}
