using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.CommitteeCycle;

/// <summary>What the committee-cycle tests share: the demo strategy's committee, meetings, a full explanation, issuing.</summary>
public static class CycleTestData
{
    /// <summary>The error summary's messages, once each (a field repeats its own, prefixed "Fejl: ").</summary>
    public static IReadOnlyList<string> Errors(this AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.ErrorMessages().Select(m => m.StartsWith("Fejl: ", StringComparison.Ordinal) ? m["Fejl: ".Length..] : m).Distinct().ToList();

    /// <summary>A complete explanation as the status form posts it, for the statuses that need one.</summary>
    public static Dictionary<string, string> Explanation(string status, string reason = "Leverandøren har meldt forsinkelse.") => new()
    {
        ["Input.Status"] = status,
        ["Input.ProgressPercent"] = "30",
        ["Input.Reason"] = reason,
        ["Input.ConsequenceForPlan"] = "Fokusområde 2 starter en måned senere.",
        ["Input.ConsequenceForFamilies"] = "Plejefamilierne får aflastning senere end lovet.",
        ["Input.NextStep"] = "Ny leverandør indhentes.",
        ["Input.NextStepDate"] = "2027-02-01",
    };

    /// <summary>The demo strategy and its committee (given one when it has none).</summary>
    public static async Task<(int StrategyId, int CommitteeId)> CommitteeAsync(this SiteFactory site)
    {
        await using var db = site.CreateDbContext();
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
        strategy.CommitteeId ??= await db.Committees.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        await db.SaveChangesAsync();
        return (strategy.Id, strategy.CommitteeId.Value);
    }

    public static async Task<int> MeetingAsync(this SiteFactory site, int committeeId, DateOnly date)
    {
        await using var db = site.CreateDbContext();
        var meeting = new CommitteeMeeting { CommitteeId = committeeId, MeetingDate = date, BriefingDeadline = date.AddDays(-2) };
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>Issues a briefing as the archive does for the page and the job.</summary>
    public static async Task<CommitteeBriefing?> IssueAsync(this SiteFactory site, int strategyId, int? meetingId, string? automaticKey = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BriefingArchive>()
            .IssueAsync(strategyId, meetingId, null, null, "Test Administrator", automaticKey, CancellationToken.None);
    }

    public static async Task<BriefingModel> BriefingModelAsync(this SiteFactory site, int strategyId, int? meetingId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BriefingModelBuilder>().BuildAsync(strategyId, meetingId, null, null);
    }
}
