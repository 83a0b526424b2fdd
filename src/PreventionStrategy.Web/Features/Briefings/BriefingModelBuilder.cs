using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Features.Timeline;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// Builds the briefing for a strategy from the database in a fixed number of queries (strategy,
/// meetings, focus areas, milestones with their latest comment, status history, budget), however
/// many milestones there are. All wording is Danish whatever the caller's request culture, because
/// the briefing goes to a Danish committee.
/// </summary>
public sealed class BriefingModelBuilder(AppDbContext db, Display display, TimeProvider clock, BriefingEffectBuilder effects, BriefingCommitteeCycle cycle)
{
    /// <summary>How far "coming up" looks ahead when no later committee meeting is planned.</summary>
    public const int ComingUpWeeks = 8;

    /// <summary>How far back "changes" look when neither a start nor an earlier meeting is known.</summary>
    public const int DefaultChangeDays = 91;

    private const string UnassignedTitle = "Uden fokusområde";

    private readonly BriefingWording wording = new(display);

    /// <param name="committeeMeetingId">The meeting the briefing is for; null for a briefing "as of now".</param>
    /// <param name="sinceUtc">Start of "changes since the previous briefing"; null for the previous meeting's date.</param>
    /// <param name="statement">The administration's statement to the committee, if any.</param>
    public async Task<BriefingModel> BuildAsync(int strategyId, int? committeeMeetingId, DateTime? sinceUtc, string? statement, CancellationToken cancellationToken = default)
    {
        using var _ = DanishCulture.Use();
        var model = await BuildDanishAsync(strategyId, committeeMeetingId, sinceUtc, statement, cancellationToken);
        var effect = await effects.BuildAsync(strategyId, model.Changes.SinceUtc, cancellationToken);

        // What the committee saw last time, when frozen, beats a reconstruction from history; a given start keeps the history.
        var fromSnapshot = sinceUtc is null
            ? await cycle.ChangesAsync(strategyId, committeeMeetingId, model.Header.MeetingDate ?? DateOnly.FromDateTime(model.Header.GeneratedAt), cancellationToken)
            : null;
        return model with
        {
            Effect = effect,
            Changes = fromSnapshot ?? model.Changes,
            Decisions = await cycle.DecisionsAsync(strategyId, committeeMeetingId, cancellationToken),
        };
    }

    private async Task<BriefingModel> BuildDanishAsync(int strategyId, int? meetingId, DateTime? sinceUtc, string? statement, CancellationToken ct)
    {
        var now = clock.Now();
        var today = DateOnly.FromDateTime(now);
        DateOnly ReferenceDate(List<BriefingData.MeetingRow> meetings) => meetings.FirstOrDefault(m => m.Id == meetingId)?.MeetingDate ?? today;

        // Without a given start, "changes" run from the committee's previous meeting: what it has not heard yet.
        DateTime Since(List<BriefingData.MeetingRow> meetings) => sinceUtc
            ?? (meetings.LastOrDefault(m => m.MeetingDate < ReferenceDate(meetings)) is { } previous
                ? TimeZoneInfo.ConvertTimeToUtc(previous.MeetingDate.ToDateTime(TimeOnly.MinValue), DanishTime.Zone)
                : clock.GetUtcNow().UtcDateTime.AddDays(-DefaultChangeDays));

        var data = await BriefingData.LoadAsync(db, strategyId, meetingId, Since, ct);
        var meeting = data.Meetings.FirstOrDefault(m => m.Id == meetingId);
        var reference = ReferenceDate(data.Meetings);
        var nextMeeting = data.Meetings.Where(m => m.MeetingDate > reference).Select(m => (DateOnly?)m.MeetingDate).FirstOrDefault();

        var areaNumbers = data.FocusAreas.Select((f, i) => (f.Id, Number: f.SortOrder > 0 ? f.SortOrder : i + 1)).ToDictionary(a => a.Id, a => a.Number);
        var milestones = data.Milestones.Select(m => (Row: m, Model: ToModel(m, today, areaNumbers))).ToList();
        var models = milestones.ToDictionary(m => m.Row.Id, m => m.Model);

        var header = new BriefingHeader(
            meeting?.CommitteeName ?? data.Strategy.CommitteeName ?? string.Empty,
            meeting?.MeetingDate,
            meeting is null ? null : display.Date(meeting.MeetingDate),
            data.Strategy.Name,
            data.Strategy.Municipality,
            data.Strategy.Division,
            now,
            display.DateTime(now));

        var overdue = milestones.Where(m => m.Model.State == BriefingState.Overdue).OrderBy(m => m.Row.ExpectedBy).ToList();
        var atRisk = milestones
            .Where(m => m.Model.State is BriefingState.AtRisk or BriefingState.Delayed)
            .OrderBy(m => m.Row.ExpectedBy).ToList();

        return new BriefingModel(
            header,
            Summary(milestones.Select(m => m.Model).ToList(), statement),
            FocusAreas(data.FocusAreas, milestones).Select((a, i) => i < data.FocusAreas.Count ? a with { Status = AreaStatus(data.FocusAreas[i], milestones) } : a).ToList(),
            Changes(data.Updates, data.SinceUtc),
            ComingUp(milestones, models, today, reference, nextMeeting),
            overdue.Select(m => new BriefingAttentionItem(m.Model, wording.Overdue(m.Row.ExpectedBy, today))).ToList(),
            atRisk.Select(m => new BriefingAttentionItem(m.Model, m.Model.LatestComment is { Length: > 0 } comment ? comment : wording.NoComment)).ToList(),
            Budget(data.Budget),
            Timeline(data, today));
    }

    // Each milestone is listed once, under its first focus area; the others mention it, so 8 milestones stay 8 rows.
    // A milestone in no focus area gets a section of its own: the committee sees every milestone.
    private static List<BriefingFocusArea> FocusAreas(List<BriefingData.FocusAreaRow> areas, List<(BriefingData.MilestoneRow Row, BriefingMilestone Model)> milestones)
    {
        var order = areas.Select((f, i) => (f.Id, i)).ToDictionary(a => a.Id, a => a.i);
        int? FirstArea(BriefingData.MilestoneRow m) => m.FocusAreaIds.Where(order.ContainsKey).OrderBy(id => order[id]).Select(id => (int?)id).FirstOrDefault();
        var result = areas.Select((f, i) =>
        {
            var number = f.SortOrder > 0 ? f.SortOrder : i + 1;
            var listed = milestones.Where(m => FirstArea(m.Row) == f.Id).Select(m => m.Model).ToList();
            var alsoHere = milestones
                .Where(m => m.Row.FocusAreaIds.Contains(f.Id) && FirstArea(m.Row) != f.Id)
                .GroupBy(m => FirstArea(m.Row)!.Value)
                .OrderBy(g => order[g.Key])
                .Select(g => areas[order[g.Key]] is var first
                    ? $"under {(first.SortOrder > 0 ? first.SortOrder : order[first.Id] + 1)}. {first.Title}: {string.Join("; ", g.Select(m => m.Model.Title))}"
                    : string.Empty)
                .ToList();
            return new BriefingFocusArea(number, f.Title, listed, alsoHere);
        }).ToList();
        var unassigned = milestones.Where(m => FirstArea(m.Row) is null).Select(m => m.Model).ToList();
        if (unassigned.Count > 0)
        {
            result.Add(new BriefingFocusArea(0, UnassignedTitle, unassigned));
        }

        return result;
    }

    // The focus area's status by the one rule over all its milestones (shared ones too), or the administrator's override.
    // FocusAreas lists the areas in the rows' order (the section for milestones without an area comes last and has no status).
    private BriefingFocusAreaStatus AreaStatus(BriefingData.FocusAreaRow row, List<(BriefingData.MilestoneRow Row, BriefingMilestone Model)> milestones)
    {
        var verdict = StrategyVerdict.Of(milestones.Where(m => m.Row.FocusAreaIds.Contains(row.Id)).Select(m => m.Model.State));
        var standing = new FocusAreaStanding(FocusAreaStatusRule.Of(verdict), row.StatusOverride, row.Justification, row.OverriddenByName, row.OverriddenAtUtc);
        return wording.AreaStatus(standing, verdict);
    }

    private BriefingMilestone ToModel(BriefingData.MilestoneRow m, DateOnly today, Dictionary<int, int> areaNumbers) => new(
        m.Id,
        m.Title,
        display.Timing(m.Timing),
        m.Status,
        display.Enum(m.Status),
        m.ProgressPercent,
        display.Percent(m.ProgressPercent),
        display.Date(m.ForecastDate),
        m.LatestComment,
        m.OwnerName,
        BriefingStates.Of(m.Status, m.IsOverdue(today)),
        wording.AlsoIn(m.FocusAreaIds.Where(areaNumbers.ContainsKey).Select(id => areaNumbers[id]).Distinct().Order().Skip(1).ToList()));

    private BriefingSummary Summary(List<BriefingMilestone> milestones, string? statement)
    {
        var verdict = StrategyVerdict.Of(milestones.Select(m => m.State));
        var counts = Enum.GetValues<BriefingState>()
            .Select(s => new BriefingStatusCount(s, wording.State(s), verdict.Count(s)))
            .ToList();
        return new BriefingSummary(
            verdict.State,
            wording.OverallState(verdict.State),
            wording.OverallExplanation(verdict.Overdue, verdict.Delayed, verdict.AtRisk, verdict.Total),
            counts,
            milestones.Count,
            string.IsNullOrWhiteSpace(statement) ? null : statement.Trim());
    }

    private BriefingChanges Changes(List<BriefingData.UpdateRow> updates, DateTime sinceUtc)
    {
        var items = new List<BriefingChange>();
        foreach (var u in updates)
        {
            var forecastLater = u.NewForecastDate is { } newForecast && (u.OldForecastDate is null || newForecast > u.OldForecastDate);
            BriefingChangeKind? kind = u.NewStatus != u.OldStatus
                ? u.NewStatus switch
                {
                    MilestoneStatus.Done => BriefingChangeKind.Completed,
                    MilestoneStatus.AtRisk => BriefingChangeKind.NewRisk,
                    MilestoneStatus.Delayed => BriefingChangeKind.Delayed,
                    _ => BriefingChangeKind.StatusChanged,
                }
                : forecastLater && u.OldForecastDate is not null ? BriefingChangeKind.Delayed : null;
            if (kind is not { } k)
            {
                continue;
            }

            var at = DanishTime.FromUtc(u.UpdatedAtUtc);
            var change = u.NewStatus != u.OldStatus ? wording.StatusChange(u.OldStatus, u.NewStatus) : wording.ForecastMoved(u.OldForecastDate, u.NewForecastDate!.Value);
            items.Add(new BriefingChange(k, wording.ChangeKind(k), u.MilestoneTitle, u.MilestoneArchived, at, display.DateTime(at), change, u.UpdatedByName, u.Comment));
        }

        return new BriefingChanges(sinceUtc, wording.Since(DanishTime.FromUtc(sinceUtc)), items);
    }

    private BriefingComingUp ComingUp(List<(BriefingData.MilestoneRow Row, BriefingMilestone Model)> milestones, Dictionary<int, BriefingMilestone> models, DateOnly today, DateOnly reference, DateOnly? nextMeeting)
    {
        // One date rule everywhere: a milestone falls where it is expected (its forecast, else the end of its period),
        // the same day that makes it overdue once passed; a half-year that merely starts in the window is not "coming".
        var until = nextMeeting ?? reference.AddDays(7 * ComingUpWeeks);
        var period = nextMeeting is { } next ? wording.UntilMeeting(next) : wording.NextWeeks(ComingUpWeeks, until);
        var items = milestones
            .Where(m => m.Row.IsOpen && m.Row.ExpectedBy >= today && m.Row.ExpectedBy <= until)
            .OrderBy(m => m.Row.ExpectedBy).ThenBy(m => m.Row.Id)
            .Select(m => models[m.Row.Id])
            .ToList();
        return new BriefingComingUp(today, until, period, items);
    }

    private BriefingBudget Budget(List<BriefingData.BudgetRow> initiatives)
    {
        var years = initiatives.SelectMany(b => b.Amounts.Select(a => a.Year)).Distinct().Order().ToList();
        var rows = initiatives.Select(b => new BriefingBudgetInitiative(
            b.Title,
            b.BudgetSketch,
            b.DecisionState,
            display.Enum(b.DecisionState),
            years.Select(y => b.Amounts.Where(a => a.Year == y).Select(a => display.Amount(a.AmountDkk)).FirstOrDefault() ?? string.Empty).ToList(),
            b.DecisionNote)).ToList();

        // Rejected and postponed money is not part of the plan's cost: it is shown, but apart from the total.
        var setAside = initiatives.Where(b => b.DecisionState is BudgetDecisionState.Rejected or BudgetDecisionState.Postponed).ToList();
        List<string> Totals(IEnumerable<BriefingData.BudgetRow> included) => years.Select(y => display.Amount(included.SelectMany(b => b.Amounts).Where(a => a.Year == y).Sum(a => a.AmountDkk))).ToList();
        return new BriefingBudget(years, rows, Totals(initiatives.Except(setAside)), setAside.Count == 0 ? null : Totals(setAside));
    }

    // Cancelled milestones stay on the chart (the legend lists them); the range takes in today and every forecast.
    private BriefingTimeline Timeline(BriefingData data, DateOnly today)
    {
        var shown = data.Milestones;
        var forecasts = shown.Where(m => m.ForecastDate is { } f && f != m.Timing.End).ToDictionary(m => m.Id, m => m.ForecastDate!.Value);
        var starts = shown.Select(m => m.Timing.Start).Append(today).ToList();
        var ends = shown.Select(m => m.Timing.End).Concat(forecasts.Values).Append(today).ToList();
        var from = QuarterStart(starts.Min());
        var to = QuarterStart(ends.Max()).AddMonths(3).AddDays(-1);
        var layout = TimelineLayout.Create(
            data.FocusAreas.Select((f, i) => new TimelineLaneDefinition(f.Id.ToString(CultureInfo.InvariantCulture), $"{(f.SortOrder > 0 ? f.SortOrder : i + 1)}. {f.Title}")),
            shown.Select(m => new TimelineMilestone(m.Id, m.Title, m.FocusAreaIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList(), m.Timing.Start, m.Timing.End, m.Timing.Precision, m.Status)),
            from,
            to,
            UnassignedTitle);
        var overdue = shown.Where(m => m.IsOverdue(today)).Select(m => m.Id).ToHashSet();
        return new BriefingTimeline(layout, layout.QuarterStarts().Select(q => (q, wording.Quarter(q))).ToList(), today, forecasts, overdue);
    }

    private static DateOnly QuarterStart(DateOnly day) => new(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
}
