using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// One demo site shared by a test class, with a signed-in client per role and the ids of the
/// Norddjurs data that tests need to address pages.
/// </summary>
public sealed class DemoSite : SiteFactory, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Task<HttpClient>> clients = new();

    public DemoIds Ids { get; private set; } = null!;

    public Task<HttpClient> ClientFor(string? email) =>
        email is null ? Task.FromResult(CreateBrowserlessClient()) : clients.GetOrAdd(email, e => this.SignedInClientAsync(e));

    public async Task InitializeAsync()
    {
        _ = Server; // starts the host: migrates and seeds
        await using var db = CreateDbContext();
        Ids = await DemoIds.LoadAsync(db);
    }

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}

public sealed record DemoIds(int Strategy, int Milestone, int FocusArea, int Stakeholder, int BudgetInitiative, int Committee, string StaffUser, int Indicator, int Decision)
{
    /// <summary>An open decision asked of the committee on the last milestone, so the answer page has one to show (the demo asks none yet).</summary>
    public static async Task EnsureDecisionAsync(AppDbContext db)
    {
        if (await db.CommitteeDecisions.AnyAsync())
        {
            return;
        }

        var strategy = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var milestone = await db.Milestones.Where(m => m.StrategyId == strategy).OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync();
        db.CommitteeDecisions.Add(new PreventionStrategy.Web.Features.CommitteeCycle.CommitteeDecision
        {
            MilestoneId = milestone,
            Question = "Godkende midler til en midlertidig familieanbringelse",
            AskedByName = "Lars Leder",
            AskedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The first of each kind in the demo's first strategy: the pages tests address.</summary>
    public static async Task<DemoIds> LoadAsync(AppDbContext db)
    {
        await EnsureDecisionAsync(db);
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
        return new DemoIds(
            strategy.Id,
            await db.Milestones.Where(m => m.StrategyId == strategy.Id).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            await db.FocusAreas.Where(f => f.StrategyId == strategy.Id).OrderBy(f => f.SortOrder).Select(f => f.Id).FirstAsync(),
            await db.Stakeholders.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            await db.BudgetInitiatives.Where(b => b.StrategyId == strategy.Id).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            await db.Committees.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Users.Where(u => u.Email == DemoUsers.Staff).Select(u => u.Id).FirstAsync(),
            await db.Indicators.Where(i => i.StrategyId == strategy.Id).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
            await db.CommitteeDecisions.Where(d => d.Milestone!.StrategyId == strategy.Id).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
    }
}
