using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Security;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.PostgreSql;

/// <summary>
/// The documented deployment, run with traffic: two site processes on one PostgreSQL database behind Debian's nginx
/// started from the shipped <c>deploy/nginx-two-servers.conf</c> (<see cref="NginxProxy"/>), with TLS at nginx, and
/// a browser on other loopback addresses than nginx's own, so the address the site records can only have come from
/// X-Forwarded-For.
/// </summary>
public sealed class NginxTwoServerTests : IAsyncLifetime
{
    /// <summary>Every process started, for disposal even when the set-up fails half-way.</summary>
    private readonly List<SiteProcess> processes = [];

    /// <summary>The first runs the job server, the second is web-only (the README's mixed setup).</summary>
    private SiteProcess[] instances = [];

    private SiteFactory prepared = null!;

    private NginxProxy nginx = null!;

    public async Task InitializeAsync()
    {
        // Migrated and seeded in-process (demo users, the Norddjurs plan); the two instances then share its database.
        prepared = new SiteFactory(postgreSql: true);
        _ = prepared.Server;
        instances = await Task.WhenAll(StartInstanceAsync(jobs: true), StartInstanceAsync(jobs: false));
        nginx = await NginxProxy.StartAsync(instances.Select(i => i.BaseAddress).ToList());
    }

    public async Task DisposeAsync()
    {
        // nginx first, then the instances, whatever the test did; the watchdogs cover a test host that dies first.
        if (nginx is { } proxy)
        {
            await proxy.DisposeAsync();
        }

        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        await prepared.DisposeAsync();
    }

    [Fact]
    public async Task A_department_head_signs_in_and_saves_a_status_through_nginx_on_both_instances_with_the_client_address_and_https_forwarded()
    {
        var milestoneId = await prepared.CreateMilestoneAsync($"Bag nginx {MilestoneTestData.Unique()}", await prepared.UserIdAsync(DemoUsers.DepartmentHead));

        // ip_hash sends a client's /24 to one instance: two addresses that nginx sends to different instances.
        var byInstance = new Dictionary<string, IPAddress>();
        for (var network = 1; network <= 64 && byInstance.Count < 2; network++)
        {
            var address = IPAddress.Parse($"127.0.{network}.2");
            using var probe = nginx.ClientFrom(address, new CookieContainer());
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health")).StatusCode);
            var upstream = (await nginx.AccessLogLinesAsync(address, "/health")).Last(l => l[0] == address.ToString())[4];
            byInstance.TryAdd(upstream, address);
        }

        Assert.Equal(instances.Select(i => i.BaseAddress.Authority).Order(), byInstance.Keys.Order());
        var here = byInstance[instances[0].BaseAddress.Authority];
        var there = byInstance[instances[1].BaseAddress.Authority];

        // Plain HTTP at nginx is sent to HTTPS by nginx; an instance asked directly over HTTP, with no proxy saying https, redirects too.
        using (var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var toNginx = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{nginx.HttpPort}/Identity/Account/Login");
            toNginx.Headers.Host = NginxProxy.ServerName;
            var atNginx = await plain.SendAsync(toNginx);
            Assert.Equal(HttpStatusCode.MovedPermanently, atNginx.StatusCode);
            Assert.Equal($"https://{NginxProxy.ServerName}/Identity/Account/Login", atNginx.Headers.Location!.OriginalString);
            var direct = await plain.GetAsync(new Uri(instances[0].BaseAddress, "/Identity/Account/Login"));
            Assert.True(direct.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"Directly over HTTP: {(int)direct.StatusCode}");
        }

        // One browser: it signs in from one network, and (a laptop moving) goes on from another, so it meets both instances.
        var cookies = new CookieContainer();
        using var browser = nginx.ClientFrom(here, cookies);
        using var moved = nginx.ClientFrom(there, cookies);

        // The browser claims another address itself: nginx replaces the header, so the claim goes nowhere.
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        moved.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        var login = await browser.GetAsync("/Identity/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpVersion.Version20, login.Version);
        Assert.True(login.Headers.Contains("Strict-Transport-Security"), "No HSTS: the site did not see HTTPS.");
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        var signedIn = await browser.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.DepartmentHead,
            ["Input.Password"] = Pages.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PreventionStrategy.Auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", authCookie, StringComparison.OrdinalIgnoreCase);

        var saved = await browser.SubmitAsync($"/Milestones/UpdateStatus/{milestoneId}", new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.ProgressPercent"] = "60",
            ["Input.Comment"] = "Opdateret gennem nginx",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Milestones/Details/{milestoneId}", saved.Headers.Location!.OriginalString);

        var readBack = await moved.GetStringAsync($"/Milestones/Details/{milestoneId}");
        Assert.Contains("Opdateret gennem nginx", readBack);

        // nginx passed the sign-in and the save to one instance and the reading to the other.
        var log = await nginx.AccessLogLinesAsync(there, $"/Milestones/Details/{milestoneId}");
        Assert.Contains(log, l => l[0] == here.ToString() && l[1] == "POST" && l[2] == "/Identity/Account/Login" && l[4] == instances[0].BaseAddress.Authority);
        Assert.Contains(log, l => l[0] == here.ToString() && l[1] == "POST" && l[2] == $"/Milestones/UpdateStatus/{milestoneId}" && l[4] == instances[0].BaseAddress.Authority);
        Assert.Contains(log, l => l[0] == there.ToString() && l[1] == "GET" && l[2] == $"/Milestones/Details/{milestoneId}" && l[4] == instances[1].BaseAddress.Authority);

        // The site's own view: the sign-in in the audit trail, and in the log of the instance that took it, from the browser's address.
        await using var db = prepared.CreateDbContext();
        var userId = await prepared.UserIdAsync(DemoUsers.DepartmentHead);
        var signIn = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == SecurityEvents.EntityType && e.Action == AuditAction.SignedIn && e.EntityId == userId)
            .OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(here.ToString(), signIn.IpAddress);
        Assert.Contains($"from {here}", instances[0].Output, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.9", instances[0].Output + instances[1].Output, StringComparison.Ordinal);

        // Nothing went wrong on nginx's side: no warning about the configuration, no failed upstream.
        Assert.DoesNotMatch(@"\[(warn|error|crit|alert|emerg)\]", nginx.ErrorLog);

        var update = await db.MilestoneStatusUpdates.AsNoTracking().SingleAsync(u => u.MilestoneId == milestoneId);
        Assert.Equal(MilestoneStatus.InProgress, update.NewStatus);
    }

    private async Task<SiteProcess> StartInstanceAsync(bool jobs)
    {
        var instance = new SiteProcess(prepared.Folder, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Default"] = prepared.ConnectionString,

            // nginx runs on this machine: it reaches the instances from 127.0.0.1.
            ["Proxy__KnownProxies__0"] = "127.0.0.1",
            ["https_port"] = "443",
            ["Site__PublicBaseUrl"] = "https://forebyg.kommune.dk",
            ["Jobs__ServerEnabled"] = jobs ? "true" : "false",
            ["Email__PickupDirectory"] = Path.Combine(prepared.Folder, "mail"),

            // The demo's department head has no authenticator; the requirement is tested elsewhere.
            ["Security__RequireTwoFactorForEditors"] = "false",
        });
        lock (processes)
        {
            processes.Add(instance);
        }

        // Asked from 127.0.0.1, the known proxy, as nginx asks: otherwise the HTTPS requirement redirects the probe.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = instance.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.OK, (await instance.FirstAnswerAsync(client, "/health")).StatusCode);
        return instance;
    }
}
