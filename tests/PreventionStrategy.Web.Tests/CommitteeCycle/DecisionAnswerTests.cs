using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.CommitteeCycle;

/// <summary>The committee's answer to a decision, recorded by an administrator after the meeting, told once in the next briefing.</summary>
public sealed class DecisionAnswerTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_recorded_answer_goes_into_the_history_and_the_audit_trail_and_appears_in_the_next_briefing_only()
    {
        var (strategyId, committeeId) = await site.CommitteeAsync();
        var today = MilestoneTestData.DanishToday;
        var first = await site.MeetingAsync(committeeId, today.AddDays(10));
        var second = await site.MeetingAsync(committeeId, today.AddDays(40));
        var third = await site.MeetingAsync(committeeId, today.AddDays(70));
        var id = await site.CreateMilestoneAsync($"Svar ønskes {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead));
        var question = $"Godkende ekstra midler {MilestoneTestData.Unique()}";
        var leader = await site.ClientFor(DemoUsers.DepartmentHead);
        var form = CycleTestData.Explanation(nameof(MilestoneStatus.AtRisk));
        form["Input.DecisionQuestion"] = question;
        form["Input.DecisionMeetingId"] = first.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await leader.SubmitAsync($"/Milestones/UpdateStatus/{id}", form)).StatusCode);

        // Issued for the first meeting while open.
        Assert.Null(Assert.Single((await site.BriefingModelAsync(strategyId, first)).Decisions, d => d.Question == question).AnswerText);
        Assert.NotNull(await site.IssueAsync(strategyId, first));

        // After the meeting the administrator finds it on the list and records the answer; without an answer the form says so in Danish.
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var list = await admin.GetDocumentAsync($"/CommitteeCycle/Decisions/{strategyId}");
        var answerUrl = list.QuerySelectorAll(".decision-table tbody tr").Single(r => r.Text().Contains(question, StringComparison.Ordinal))
            .QuerySelector("a[href^='/CommitteeCycle/Answer/']")!.GetAttribute("href")!;
        var refused = await admin.SubmitAsync(answerUrl, new Dictionary<string, string> { ["Input.Answer"] = "", ["Input.Note"] = "Uden svar" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["Vælg udvalgets svar: Godkendt, Afvist eller Udsat."], (await refused.ParseAsync()).Errors());
        await using (var db = site.CreateDbContext())
        {
            Assert.Null((await db.CommitteeDecisions.SingleAsync(d => d.Question == question)).Answer);
        }

        var answered = await admin.SubmitAsync(answerUrl, new Dictionary<string, string> { ["Input.Answer"] = nameof(DecisionAnswer.Approved), ["Input.Note"] = "Under forudsætning af årlig opfølgning." });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        await using (var db = site.CreateDbContext())
        {
            var decision = await db.CommitteeDecisions.SingleAsync(d => d.Question == question);
            Assert.Equal(DecisionAnswer.Approved, decision.Answer);
            Assert.Equal("Under forudsætning af årlig opfølgning.", decision.AnswerNote);
            Assert.Equal("Anne Administrator", decision.AnsweredByName);

            var history = await db.MilestoneStatusUpdates.Where(u => u.MilestoneId == id).OrderBy(u => u.Id).ToListAsync();
            Assert.Equal(2, history.Count);
            Assert.Equal($"Udvalgets beslutning: Godkendt – \"{question}\". Under forudsætning af årlig opfølgning.", history[1].Comment);
            Assert.Equal(MilestoneStatus.AtRisk, history[1].NewStatus);

            var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(CommitteeDecision) && e.EntityId == decision.Id.ToString() && e.Action == AuditAction.Updated).SingleAsync();
            var changes = AuditChange.Parse(audit.Changes).ToDictionary(c => c.Field);
            Assert.Equal(nameof(DecisionAnswer.Approved), changes[nameof(CommitteeDecision.Answer)].New);
        }

        // A second answer (a stale form) is refused.
        var again = await admin.PostWithTokenAsync(answerUrl, await admin.AntiforgeryTokenAsync(), new Dictionary<string, string> { ["Input.Version"] = "1", ["Input.Answer"] = nameof(DecisionAnswer.Rejected) });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["Udvalgets svar er allerede registreret."], (await again.ParseAsync()).Errors());
        await using (var db = site.CreateDbContext())
        {
            Assert.Equal(DecisionAnswer.Approved, (await db.CommitteeDecisions.SingleAsync(d => d.Question == question)).Answer);
        }

        // The next briefing tells the answer; the one after it no longer does.
        var next = Assert.Single((await site.BriefingModelAsync(strategyId, second)).Decisions, d => d.Question == question);
        Assert.Equal("Godkendt", next.AnswerText);
        Assert.Equal("Under forudsætning af årlig opfølgning.", next.AnswerNote);
        Assert.NotNull(await site.IssueAsync(strategyId, second));
        Assert.DoesNotContain((await site.BriefingModelAsync(strategyId, third)).Decisions, d => d.Question == question);
    }
}
