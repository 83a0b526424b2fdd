using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.CommitteeCycle;

/// <summary>I risiko, Forsinket and Aflyst need a structured explanation, and may ask the committee for a decision.</summary>
public sealed class StatusExplanationTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static string UpdateUrl(int id) => $"/Milestones/UpdateStatus/{id}";

    private async Task<int> LedersMilestoneAsync(string title) =>
        await site.CreateMilestoneAsync($"{title} {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead));

    [Theory]
    [InlineData(nameof(MilestoneStatus.AtRisk), "I risiko", "Input.Reason", "Skriv årsagen, når status er \"I risiko\".")]
    [InlineData(nameof(MilestoneStatus.AtRisk), "I risiko", "Input.NextStep", "Skriv det næste skridt, når status er \"I risiko\".")]
    [InlineData(nameof(MilestoneStatus.Delayed), "Forsinket", "Input.NextStepDate", "Angiv datoen for det næste skridt.")]
    [InlineData(nameof(MilestoneStatus.Delayed), "Forsinket", "Input.ConsequenceForFamilies", "Skriv konsekvensen for børn og familier, når status er \"Forsinket\".")]
    [InlineData(nameof(MilestoneStatus.Cancelled), "Aflyst", "Input.ConsequenceForPlan", "Skriv konsekvensen for planen, når status er \"Aflyst\".")]
    public async Task An_update_to_a_troubled_status_without_part_of_its_explanation_is_refused_in_Danish_and_nothing_is_saved(string status, string label, string missing, string message)
    {
        var id = await LedersMilestoneAsync($"Forklaring {label}");
        var before = await site.MilestoneAsync(id);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var form = CycleTestData.Explanation(status);
        form[missing] = "  ";
        form["Input.Comment"] = "En kommentar, der ikke er en forklaring.";

        var response = await client.SubmitAsync(UpdateUrl(id), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal([message], page.Errors());

        // Everything typed stays on the form.
        Assert.Equal(status, page.SelectedValue("#Input_Status"));
        if (missing != "Input.NextStep")
        {
            Assert.Equal("Ny leverandør indhentes.", page.QuerySelector("#Input_NextStep")!.TextContent.Trim());
        }

        Assert.Equal("En kommentar, der ikke er en forklaring.", page.QuerySelector("#Input_Comment")!.TextContent.Trim());

        var after = await site.MilestoneAsync(id);
        Assert.Empty(after.StatusUpdates);
        Assert.Equal(MilestoneStatus.Planned, after.Status);
        Assert.Equal(before.Version, after.Version);
        await using var db = site.CreateDbContext();
        Assert.False(await db.CommitteeDecisions.AnyAsync(d => d.MilestoneId == id));
    }

    [Fact]
    public async Task A_full_explanation_with_a_decision_is_saved_in_one_go_and_read_back_in_the_history_the_lists_and_the_briefing_model()
    {
        var (strategyId, committeeId) = await site.CommitteeAsync();
        var meetingDate = MilestoneTestData.DanishToday.AddDays(20);
        var meetingId = await site.MeetingAsync(committeeId, meetingDate);
        var id = await LedersMilestoneAsync("Beslutning ønskes");
        var client = await site.ClientFor(DemoUsers.DepartmentHead);

        // The meeting is offered on the form.
        var formPage = await client.GetDocumentAsync(UpdateUrl(id));
        Assert.Contains(formPage.QuerySelectorAll("#Input_DecisionMeetingId option"), o => o.GetAttribute("value") == meetingId.ToString());

        var form = CycleTestData.Explanation(nameof(MilestoneStatus.AtRisk));
        form["Input.DecisionQuestion"] = "Godkende 250.000 kr. til ekstra sagsbehandler";
        form["Input.DecisionMeetingId"] = meetingId.ToString();
        var response = await client.SubmitAsync(UpdateUrl(id), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.AtRisk, after.Status);
        var update = Assert.Single(after.StatusUpdates);
        Assert.Equal("Leverandøren har meldt forsinkelse.", update.Reason);
        Assert.Equal("Fokusområde 2 starter en måned senere.", update.ConsequenceForPlan);
        Assert.Equal("Plejefamilierne får aflastning senere end lovet.", update.ConsequenceForFamilies);
        Assert.Equal("Ny leverandør indhentes.", update.NextStep);
        Assert.Equal(new DateOnly(2027, 2, 1), update.NextStepDate);
        await using (var db = site.CreateDbContext())
        {
            var decision = await db.CommitteeDecisions.SingleAsync(d => d.MilestoneId == id);
            Assert.Equal("Godkende 250.000 kr. til ekstra sagsbehandler", decision.Question);
            Assert.Equal(meetingId, decision.CommitteeMeetingId);
            Assert.Equal("Lars Leder", decision.AskedByName);
            Assert.Null(decision.Answer);
        }

        // The history on the milestone page carries the explanation, labelled.
        var details = await client.GetDocumentAsync($"/Milestones/Details/{id}");
        var history = details.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Historik");
        var explanation = history.QuerySelector("dl.explanation")!;
        Assert.Equal(
            ["Årsag", "Konsekvens for planen", "Konsekvens for børn og familier", "Næste skridt"],
            explanation.QuerySelectorAll("dt").Select(d => d.Text()));
        Assert.Equal($"Ny leverandør indhentes. ({MilestoneTestData.Danish(new DateOnly(2027, 2, 1))})", explanation.QuerySelectorAll("dd")[3].Text());

        // The dashboard lists the decision with its milestone, owner and meeting; the at-risk list shows the reason as the latest word.
        var dashboard = await client.GetDocumentAsync($"/Plans/Dashboard/{strategyId}");
        var row = dashboard.QuerySelectorAll(".decision-table tbody tr").Single(r => r.Text().Contains(after.Title, StringComparison.Ordinal));
        Assert.Contains("Godkende 250.000 kr. til ekstra sagsbehandler", row.Text());
        Assert.Contains("Lars Leder", row.Text());
        Assert.Contains(MilestoneTestData.Danish(meetingDate), row.Text());
        await using (var db = site.CreateDbContext())
        {
            Assert.Equal("Leverandøren har meldt forsinkelse.", (await LatestComment.LoadAsync(db, [id], CancellationToken.None))[id]);
        }

        // The briefing model carries it under "Til beslutning", open.
        var model = await site.BriefingModelAsync(strategyId, meetingId);
        var asked = Assert.Single(model.Decisions, d => d.MilestoneId == id);
        Assert.Equal("Godkende 250.000 kr. til ekstra sagsbehandler", asked.Question);
        Assert.Equal("Lars Leder", asked.OwnerName);
        Assert.Equal(MilestoneTestData.Danish(meetingDate), asked.MeetingText);
        Assert.False(asked.IsAnswered);
    }

    [Fact]
    public async Task A_milestone_still_in_trouble_opens_its_form_with_the_standing_explanation_and_no_decision()
    {
        var id = await LedersMilestoneAsync("Stadig i risiko");
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var blank = await client.GetDocumentAsync(UpdateUrl(id));
        Assert.Equal(string.Empty, blank.QuerySelector("#Input_Reason")!.TextContent);

        var form = CycleTestData.Explanation(nameof(MilestoneStatus.AtRisk));
        form["Input.DecisionQuestion"] = "Godkende en ny frist";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(UpdateUrl(id), form)).StatusCode);

        var again = await client.GetDocumentAsync(UpdateUrl(id));
        Assert.Equal("Leverandøren har meldt forsinkelse.", again.QuerySelector("#Input_Reason")!.TextContent.Trim());
        Assert.Equal("Plejefamilierne får aflastning senere end lovet.", again.QuerySelector("#Input_ConsequenceForFamilies")!.TextContent.Trim());
        Assert.Equal("Ny leverandør indhentes.", again.QuerySelector("#Input_NextStep")!.TextContent.Trim());
        Assert.Equal("2027-02-01", again.QuerySelector("#Input_NextStepDate")!.GetAttribute("value"));
        Assert.Equal(string.Empty, again.QuerySelector("#Input_DecisionQuestion")!.TextContent.Trim());

        // Saved as it stands with only a new progress figure: accepted, the explanation carried into the new history row.
        var progress = new Dictionary<string, string> { ["Input.Status"] = nameof(MilestoneStatus.AtRisk), ["Input.ProgressPercent"] = "30" };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(again, UpdateUrl(id), progress)).StatusCode);
        var after = await site.MilestoneAsync(id);
        Assert.Equal(30, after.ProgressPercent);
        Assert.Equal("Leverandøren har meldt forsinkelse.", after.StatusUpdates.OrderBy(u => u.Id).Last().Reason);
        await using (var db = site.CreateDbContext())
        {
            Assert.Equal(1, await db.CommitteeDecisions.CountAsync(d => d.MilestoneId == id));
        }

        // Out of trouble from the same prefilled form: the standing explanation is let go, not refused as typed for a status that needs none.
        var done = new Dictionary<string, string> { ["Input.Status"] = nameof(MilestoneStatus.Done) };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(UpdateUrl(id), done)).StatusCode);
        var finished = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.Done, finished.Status);
        Assert.Null(finished.StatusUpdates.OrderBy(u => u.Id).Last().Reason);
    }

    [Fact]
    public async Task An_explanation_typed_for_a_status_that_needs_none_is_refused_not_dropped()
    {
        var id = await LedersMilestoneAsync("Unødig forklaring");
        var client = await site.ClientFor(DemoUsers.DepartmentHead);

        var response = await client.SubmitAsync(UpdateUrl(id), new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.Reason"] = "Skrevet, men hører ikke til.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Forklaringen og beslutningen hører til status I risiko, Forsinket og Aflyst, ikke \"I gang\": ryd feltet eller vælg en af dem."], (await response.ParseAsync()).Errors());
        Assert.Empty((await site.MilestoneAsync(id)).StatusUpdates);
    }

    [Fact]
    public async Task A_decision_for_a_meeting_already_held_or_of_another_committee_is_refused()
    {
        var (_, committeeId) = await site.CommitteeAsync();
        var held = await site.MeetingAsync(committeeId, MilestoneTestData.DanishToday.AddDays(-3));
        var id = await LedersMilestoneAsync("Gammelt møde");
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var form = CycleTestData.Explanation(nameof(MilestoneStatus.Delayed));
        form["Input.DecisionQuestion"] = "Flytte fristen til 1. juni";
        form["Input.DecisionMeetingId"] = held.ToString();

        var response = await client.SubmitAsync(UpdateUrl(id), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Vælg et af udvalgets kommende møder."], (await response.ParseAsync()).Errors());
        Assert.Empty((await site.MilestoneAsync(id)).StatusUpdates);
    }

    [Fact]
    public async Task A_quick_update_to_at_risk_opens_the_full_form_with_the_status_and_comment_kept()
    {
        var id = await LedersMilestoneAsync("Hurtig risiko");
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var listUrl = $"/Milestones?strategyId={site.Ids.Strategy}";

        var response = await client.SubmitAsync(listUrl, new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.AtRisk),
            ["Input.Comment"] = "Vi mangler en leverandør.",
        }, $"form[action='/Milestones/UpdateStatus/{id}']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector("#explanation #Input_Reason"));
        Assert.Contains("Skriv årsagen, når status er \"I risiko\".", page.ErrorMessages());
        Assert.Equal(nameof(MilestoneStatus.AtRisk), page.SelectedValue("#Input_Status"));
        Assert.Equal("Vi mangler en leverandør.", page.QuerySelector("#Input_Comment")!.TextContent.Trim());
        Assert.Equal(listUrl, page.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
        Assert.Empty((await site.MilestoneAsync(id)).StatusUpdates);
    }
}
