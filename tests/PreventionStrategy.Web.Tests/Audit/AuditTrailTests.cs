using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Audit;

/// <summary>Every create, update and delete is in the audit trail: who, when, which fields, old and new value; never a secret.</summary>
public sealed class AuditTrailTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_next_page_link_leads_to_page_two_and_back()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var first = await client.GetDocumentAsync("/Audit");
        Assert.Contains("Side 1 af", first.QuerySelector("nav.pagination span")!.TextContent);

        var next = first.QuerySelectorAll("nav.pagination a").Last().GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);

        Assert.Contains("Side 2 af", second.QuerySelector("nav.pagination span")!.TextContent);
        var firstIds = first.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToHashSet();
        Assert.DoesNotContain(second.QuerySelectorAll("tbody tr"), r => firstIds.Contains(r.TextContent));
    }

    [Fact]
    public async Task An_administrators_edit_of_a_milestones_title_and_quarter_is_recorded_with_old_and_new_values()
    {
        await using var db = site.CreateDbContext();
        var milestone = await db.Milestones.Include(m => m.FocusAreas).AsNoTracking()
            .FirstAsync(m => m.StrategyId == site.Ids.Strategy && m.Timing.Precision == TimingPrecision.Quarter);
        var otherArea = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == site.Ids.Strategy)
            .OrderBy(f => f.SortOrder)
            .FirstAsync(f => !milestone.FocusAreas.Select(a => a.Id).Contains(f.Id));
        var newPeriod = milestone.Timing.Period == 3 ? 4 : 3;
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoUsers.Administrator);

        var client = await site.ClientFor(DemoUsers.Administrator);
        var response = await client.SubmitAsync($"/Milestones/Edit/{milestone.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "Task force for udsatte unge (revideret)",
            ["Input.Timing.Period"] = newPeriod.ToString(CultureInfo.InvariantCulture),
            ["Input.FocusAreaIds"] = otherArea.Id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entry = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Milestone) && e.EntityId == milestone.Id.ToString(CultureInfo.InvariantCulture) && e.Action == AuditAction.Updated)
            .OrderByDescending(e => e.Id)
            .FirstAsync();
        Assert.Equal(admin.Id, entry.UserId);
        Assert.Equal("Anne Administrator", entry.UserName);
        Assert.Equal("Task force for udsatte unge (revideret)", entry.Label);
        Assert.True((DateTime.UtcNow - entry.AtUtc).Duration() < TimeSpan.FromMinutes(5), $"AtUtc {entry.AtUtc:o} is not the UTC time of the save");

        var changes = AuditChange.Parse(entry.Changes).ToDictionary(c => c.Field);
        Assert.Equal((milestone.Title, "Task force for udsatte unge (revideret)"), (changes["Title"].Old, changes["Title"].New));
        Assert.Equal((milestone.Timing.Period?.ToString(CultureInfo.InvariantCulture), newPeriod.ToString(CultureInfo.InvariantCulture)), (changes["Timing.Period"].Old, changes["Timing.Period"].New));
        Assert.Contains(otherArea.Title, changes["FocusAreas"].New);
        Assert.False(changes.ContainsKey("Version"), "the concurrency version is bookkeeping, not a change");

        // The page shows it the Danish way: field names, "old → new", the admin's name.
        var page = await client.GetDocumentAsync($"/Audit?type=Milestone&entityId={milestone.Id}");
        var row = page.QuerySelectorAll("main tbody tr").First();
        Assert.Contains("Anne Administrator", row.TextContent);
        Assert.Contains("Ændret", row.TextContent);
        Assert.Contains("Milepæl", row.TextContent);
        Assert.Contains($"Titel: {milestone.Title} → Task force for udsatte unge (revideret)", row.TextContent);
        Assert.Contains($"Tidspunkt, periode (nr.): {milestone.Timing.Period} → {newPeriod}", row.TextContent);
        Assert.Equal($"/Milestones/Details/{milestone.Id}", row.QuerySelector("a")!.GetAttribute("href"));

        // Stored in UTC, shown in Danish time.
        var danish = DanishTime.FromUtc(entry.AtUtc).ToString("d. MMMM yyyy 'kl.' HH.mm", CultureInfo.GetCultureInfo("da-DK"));
        Assert.Equal(danish, row.QuerySelector("td")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_created_and_a_deleted_stakeholder_are_in_the_trail()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var created = await client.SubmitAsync("/Stakeholders/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Person",
            ["Input.Name"] = "Revisor Rasmussen",
            ["Input.Title"] = "Konsulent",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/').Last();

        var deleted = await client.SubmitAsync($"/Stakeholders/Edit/{id}", new Dictionary<string, string>(), "main form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await using var db = site.CreateDbContext();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Stakeholder" && e.EntityId == id)
            .OrderBy(e => e.Id)
            .ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("Revisor Rasmussen", e.Label));
        Assert.All(entries, e => Assert.Equal("Anne Administrator", e.UserName));

        var createdChanges = AuditChange.Parse(entries[0].Changes).ToDictionary(c => c.Field);
        Assert.Equal((null, "Revisor Rasmussen"), (createdChanges["Name"].Old, createdChanges["Name"].New));
        Assert.Equal("Konsulent", createdChanges["Title"].New);
        var deletedChanges = AuditChange.Parse(entries[1].Changes).ToDictionary(c => c.Field);
        Assert.Equal(("Revisor Rasmussen", null), (deletedChanges["Name"].Old, deletedChanges["Name"].New));

        var page = await client.GetDocumentAsync("/Audit?type=Stakeholder&q=rasmussen");
        var actions = page.QuerySelectorAll("main tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Slettet", "Oprettet"], actions);
    }

    [Fact]
    public async Task A_role_change_is_recorded_and_no_password_hash_or_security_stamp_is_ever_in_the_trail()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var invited = await client.SubmitAsync("/Identity/Users/Invite", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Rolf Rolleskifte",
            ["Input.Email"] = "rolf@demo.local",
            ["Input.Role"] = "Staff",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        await using var db = site.CreateDbContext();
        var userId = await db.Users.Where(u => u.Email == "rolf@demo.local").Select(u => u.Id).SingleAsync();

        var edited = await client.SubmitAsync($"/Identity/Users/Edit/{userId}", new Dictionary<string, string> { ["Input.Role"] = "Committee" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var userEntries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "ApplicationUser" && e.EntityId == userId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(AuditAction.Created, userEntries[0].Action);
        Assert.Equal("Rolf Rolleskifte", userEntries[0].Label);
        var roleChanges = userEntries.SelectMany(e => AuditChange.Parse(e.Changes)).Where(c => c.Field == "Role").ToList();
        Assert.Contains(roleChanges, c => c.Old is null && c.New == "Staff");
        Assert.Contains(roleChanges, c => c.Old == "Staff" && c.New is null);
        Assert.Contains(roleChanges, c => c.Old is null && c.New == "Committee");
        Assert.All(userEntries, e => Assert.Equal("Anne Administrator", e.UserName));

        var page = await client.GetDocumentAsync($"/Audit?type=ApplicationUser&entityId={userId}");
        Assert.Contains("Rolle: – → Udvalgsmedlem", page.QuerySelector("main tbody")!.TextContent);

        // The whole trail, every column, against every secret the users table holds.
        var secrets = (await db.Users.AsNoTracking().Select(u => new { u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp }).ToListAsync())
            .SelectMany(u => new[] { u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp })
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(secrets);
        var trail = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.Contains(trail, e => e.EntityType == "ApplicationUser" && e.Changes.Contains("\"Password\""));
        string[] forbiddenFields = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "AccessFailedCount", "LockoutEnd", "LockoutEnabled", "TwoFactorEnabled"];
        foreach (var entry in trail)
        {
            var text = string.Join("\n", entry.Label, entry.UserName, entry.UserId, entry.EntityId, entry.EntityType, entry.Changes);
            Assert.DoesNotContain(secrets, secret => text.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(AuditChange.Parse(entry.Changes), c => forbiddenFields.Contains(c.Field));
            Assert.All(AuditChange.Parse(entry.Changes).Where(c => c.Field == "Password"), c => Assert.Equal((null, null), (c.Old, c.New)));
        }
    }

    [Fact]
    public async Task Searching_the_audit_page_by_a_milestones_title_finds_its_entries()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var created = await client.SubmitAsync($"/Milestones/Edit?strategyId={site.Ids.Strategy}", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ærø-modellen for efterværn",
            ["Input.Kind"] = nameof(MilestoneKind.Deliverable),
            ["Input.Timing.Precision"] = nameof(TimingPrecision.HalfYear),
            ["Input.Timing.Year"] = "2027",
            ["Input.Timing.Period"] = "2",
            ["Input.Status"] = nameof(MilestoneStatus.Planned),
            ["Input.ProgressPercent"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/').Last();

        // Any case, Danish letters included.
        var page = await client.GetDocumentAsync("/Audit?q=" + Uri.EscapeDataString("ærø-MODELLEN"));
        var rows = page.QuerySelectorAll("main tbody tr").ToList();
        var row = Assert.Single(rows);
        Assert.Contains("Oprettet", row.TextContent);
        Assert.Contains("Ærø-modellen for efterværn", row.TextContent);
        Assert.Contains("Tidspunkt, periode (nr.): – → 2", row.TextContent);
        Assert.Equal($"/Milestones/Details/{id}", row.QuerySelector("a")!.GetAttribute("href"));

        var none = await client.GetDocumentAsync("/Audit?q=ingen-s%C3%A5dan-milep%C3%A6l");
        Assert.Empty(none.QuerySelectorAll("main tbody tr"));
        Assert.Contains("Ingen poster passer til filtrene.", none.Body!.TextContent);
    }

    [Fact]
    public async Task A_save_refused_for_a_concurrent_edit_leaves_no_audit_row_and_the_next_save_is_recorded()
    {
        var first = await site.SignedInClientAsync(DemoUsers.Administrator);
        var second = await site.SignedInClientAsync(DemoUsers.Administrator);
        await using var db = site.CreateDbContext();
        var milestone = await db.Milestones.AsNoTracking().Where(m => m.StrategyId == site.Ids.Strategy).OrderByDescending(m => m.Id).FirstAsync();
        var url = $"/Milestones/Edit/{milestone.Id}";
        var id = milestone.Id.ToString(CultureInfo.InvariantCulture);
        var before = await db.AuditEntries.CountAsync(e => e.EntityType == "Milestone" && e.EntityId == id);

        var secondForm = await second.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(url, new Dictionary<string, string> { ["Input.Location"] = "Rådhuset, Grenaa" })).StatusCode);
        var refused = await second.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Version"] = secondForm.QuerySelector("#Input_Version")!.GetAttribute("value")!,
            ["Input.Location"] = "Kulturhuset",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Milestone" && e.EntityId == id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(before + 1, entries.Count);
        Assert.DoesNotContain(entries, e => e.Changes.Contains("Kulturhuset"));

        // Having seen the other change, the second person saves again: it goes through and is recorded.
        var resubmitted = await second.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Version"] = (await refused.ParseAsync()).QuerySelector("#Input_Version")!.GetAttribute("value")!,
            ["Input.Location"] = "Kulturhuset",
        });
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Milestone" && e.EntityId == id).OrderBy(e => e.Id).LastAsync();
        var change = Assert.Single(AuditChange.Parse(last.Changes));
        Assert.Equal(("Location", "Rådhuset, Grenaa", "Kulturhuset"), (change.Field, change.Old, change.New));
    }

    [Fact]
    public async Task Saves_without_a_signed_in_user_are_recorded_as_the_system_also_through_the_synchronous_SaveChanges()
    {
        using (var scope = site.Services.CreateScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stakeholder = new Stakeholder { Kind = StakeholderKind.Unit, Name = "Synkron enhed" };
            context.Stakeholders.Add(stakeholder);
            context.SaveChanges();
            stakeholder.Name = "Synkron enhed (omdøbt)";
            context.SaveChanges();
            context.Stakeholders.Remove(stakeholder);
            context.SaveChanges();
        }

        await using var db = site.CreateDbContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Stakeholder" && e.Label!.StartsWith("Synkron enhed")).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((null, AuditInterceptor.SystemUserName), (e.UserId, e.UserName)));
        Assert.Single(entries.Select(e => e.EntityId).Distinct());
        Assert.NotEqual("0", entries[0].EntityId);
        var rename = Assert.Single(AuditChange.Parse(entries[1].Changes));
        Assert.Equal(("Name", "Synkron enhed", "Synkron enhed (omdøbt)"), (rename.Field, rename.Old, rename.New));

        var page = await (await site.ClientFor(DemoUsers.Administrator)).GetDocumentAsync($"/Audit?user={AuditFilter.SystemUser}&q=synkron");
        Assert.Equal(3, page.QuerySelectorAll("main tbody tr").Length);
        Assert.All(page.QuerySelectorAll("main tbody tr td:nth-child(2)"), td => Assert.Equal("System", td.TextContent.Trim()));
    }

    [Fact]
    public async Task The_audit_page_issues_the_same_number_of_SQL_commands_with_many_more_entries()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        string[] urls = ["/Audit", "/Audit?type=Milestone", "/Audit?type=Stakeholder&q=a&pageNumber=2", $"/Audit?user={AuditFilter.SystemUser}&from=2000-01-01&to=2100-12-31"];
        var before = await CountAsync(client, urls);

        await using (var db = site.CreateDbContext())
        {
            for (var i = 0; i < 300; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = DateTime.UtcNow.AddHours(-1).AddSeconds(i),
                    EntityType = i % 2 == 0 ? "Milestone" : "Stakeholder",
                    EntityId = i % 2 == 0 ? "999999" : site.Ids.Stakeholder.ToString(CultureInfo.InvariantCulture),
                    Action = AuditAction.Updated,
                    Changes = AuditChange.Serialize([new AuditChange("Title", "a", "b")]),
                    Label = "Fyld",
                });
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await CountAsync(client, urls));
    }

    private async Task<Dictionary<string, int>> CountAsync(HttpClient client, string[] urls)
    {
        var counts = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            await client.GetDocumentAsync(url);
            site.SqlCommands.Reset();
            await client.GetDocumentAsync(url);
            counts[url] = site.SqlCommands.Count;
        }

        return counts;
    }
}
