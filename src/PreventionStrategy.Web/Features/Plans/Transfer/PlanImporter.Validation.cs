using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>
/// The checks: everything is checked before anything is saved, and every problem found is
/// reported (not just the first), each naming the item it is about. Text lengths come from the
/// database model, so they cannot drift from the columns.
/// </summary>
public sealed partial class PlanImporter
{
    /// <summary>Keys only live in the file; this keeps them readable.</summary>
    public const int MaxKeyLength = 100;

    private List<string> Validate(PlanDocument document)
    {
        var errors = new List<string>();
        void Error(string name, params object[] arguments) => errors.Add(L(name, arguments));

        if (document.FormatVersion != PlanDocument.CurrentFormatVersion)
        {
            Error("Import.FormatVersionUnknown", document.FormatVersion, PlanDocument.CurrentFormatVersion);
            return errors;
        }

        var stakeholders = document.Stakeholders ?? [];
        var focusAreas = document.FocusAreas ?? [];
        var milestones = document.Milestones ?? [];
        var budgetInitiatives = document.BudgetInitiatives ?? [];

        // Above the limits nothing else is checked: the file is refused for its size alone, at once.
        Counts(document, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        // "null" in place of an item ("milestones": [null]) leaves nothing to check; report it alone.
        EmptyItems(document.Strategy?.KeyDates, "Where.KeyDate", errors);
        EmptyItems(document.Committee?.Meetings, "Where.Meeting", errors);
        EmptyItems(stakeholders, "Where.StakeholderNo", errors);
        EmptyItems(focusAreas, "Where.FocusAreaNo", errors);
        EmptyItems(milestones, "Where.MilestoneNo", errors);
        EmptyItems(budgetInitiatives, "Where.BudgetInitiativeNo", errors);
        for (var i = 0; i < milestones.Count; i++)
        {
            if (milestones[i] is { } milestone)
            {
                var where = WhereMilestone(milestone, i);
                if ((milestone.Stakeholders ?? []).Any(l => l is null) || (milestone.Tasks ?? []).Any(t => t is null))
                {
                    Error("Problem.EmptyItemInside", where);
                }
            }
        }

        for (var i = 0; i < budgetInitiatives.Count; i++)
        {
            if (budgetInitiatives[i] is { } initiative && (initiative.Amounts ?? []).Any(a => a is null))
            {
                Error("Problem.EmptyItemInside", L("Where.BudgetInitiativeNo", i + 1));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var stakeholdersByKey = UniqueKeys(stakeholders, s => s.Key, "Problem.DuplicateKey.Stakeholder", errors);
        var focusAreasByKey = UniqueKeys(focusAreas, f => f.Key, "Problem.DuplicateKey.FocusArea", errors);
        var milestonesByKey = UniqueKeys(milestones, m => m.Key, "Problem.DuplicateKey.Milestone", errors);

        if (document.Strategy is not { } strategy)
        {
            Error("Import.StrategyMissing");
        }
        else
        {
            var where = L("Where.Strategy");
            Text(where, strategy.Name, "Field.Name", MaxLength<Strategy>(nameof(Strategy.Name)), required: true, errors);
            Text(where, strategy.Municipality, "Field.Municipality", MaxLength<Strategy>(nameof(Strategy.Municipality)), required: true, errors);
            Text(where, strategy.Division, "Field.Division", MaxLength<Strategy>(nameof(Strategy.Division)), required: true, errors);
            Text(where, strategy.Purpose, "Field.Purpose", MaxLength<Strategy>(nameof(Strategy.Purpose)), required: false, errors);
            Defined(where, strategy.Status, "Field.Status", errors);
            var keyDates = strategy.KeyDates ?? [];
            for (var i = 0; i < keyDates.Count; i++)
            {
                var keyDateWhere = L("Where.KeyDate", i + 1);
                Text(keyDateWhere, keyDates[i].Label, "Field.Label", MaxLength<StrategyKeyDate>(nameof(StrategyKeyDate.Label)), required: true, errors);
                Timing(keyDateWhere, keyDates[i].Timing, errors);
            }
        }

        if (document.Committee is { } committee)
        {
            var where = L("Where.Committee");
            Text(where, committee.Name, "Field.Name", MaxLength<Committee>(nameof(Committee.Name)), required: true, errors);
            Text(where, committee.Municipality, "Field.Municipality", MaxLength<Committee>(nameof(Committee.Municipality)), required: true, errors);
            Text(where, committee.Description, "Field.Description", MaxLength<Committee>(nameof(Committee.Description)), required: false, errors);
            References(where, committee.MemberKeys, stakeholdersByKey, "Problem.UnknownStakeholder", errors);
            var meetings = committee.Meetings ?? [];
            for (var i = 0; i < meetings.Count; i++)
            {
                var meeting = meetings[i];
                var meetingWhere = L("Where.Meeting", i + 1);
                RequiredDate(meetingWhere, meeting.Date, "Field.MeetingDate", errors);
                RequiredDate(meetingWhere, meeting.BriefingDeadline, "Field.BriefingDeadline", errors);
                if (meeting.Date is { } date && meeting.BriefingDeadline is { } deadline && deadline > date)
                {
                    Error("Problem.DeadlineAfterMeeting", meetingWhere, IsoDate(deadline), IsoDate(date));
                }

                Text(meetingWhere, meeting.Location, "Field.Location", MaxLength<CommitteeMeeting>(nameof(CommitteeMeeting.Location)), required: false, errors);
                Text(meetingWhere, meeting.Notes, "Field.Notes", MaxLength<CommitteeMeeting>(nameof(CommitteeMeeting.Notes)), required: false, errors);
            }
        }

        var unitChains = Chains(stakeholders, s => s.UnitKey is { } next ? stakeholdersByKey.GetValueOrDefault(next) : null);
        var unitTooDeep = false;
        for (var i = 0; i < stakeholders.Count; i++)
        {
            var stakeholder = stakeholders[i];
            var where = Where(stakeholder.Key, i, "Where.Stakeholder", "Where.StakeholderNo");
            Key(where, stakeholder.Key, errors);
            if (stakeholder.Kind is not { } kind)
            {
                Error("Problem.Missing", where, L("Field.Kind"));
            }
            else
            {
                Defined(where, kind, "Field.Kind", errors);
            }

            Text(where, stakeholder.Name, "Field.Name", MaxLength<Stakeholder>(nameof(Stakeholder.Name)), required: true, errors);
            Text(where, stakeholder.Title, "Field.JobTitle", MaxLength<Stakeholder>(nameof(Stakeholder.Title)), required: false, errors);
            Email(where, stakeholder.Email, MaxLength<Stakeholder>(nameof(Stakeholder.Email)), errors);
            Text(where, stakeholder.Description, "Field.Description", MaxLength<Stakeholder>(nameof(Stakeholder.Description)), required: false, errors);
            if (stakeholder.UnitKey is { } unitKey)
            {
                if (!stakeholdersByKey.TryGetValue(unitKey, out var unit))
                {
                    Error("Problem.UnknownUnit", where, unitKey);
                }
                else if (unit.Kind == StakeholderKind.Person)
                {
                    Error("Problem.UnitIsPerson", where, unitKey);
                }
                else if (unitChains.OnCircle.Contains(stakeholder))
                {
                    Error("Problem.UnitCycle", where);
                }
                else if (unitChains.Depths[stakeholder] is > PlanLimits.MaxUnitDepth and var depth && !unitTooDeep)
                {
                    // Once: every item below the first too deep one is too deep as well.
                    unitTooDeep = true;
                    Error("Problem.UnitTooDeep", where, depth, PlanLimits.MaxUnitDepth);
                }
            }
        }

        for (var i = 0; i < focusAreas.Count; i++)
        {
            var focusArea = focusAreas[i];
            var where = Where(focusArea.Key, i, "Where.FocusArea", "Where.FocusAreaNo");
            Key(where, focusArea.Key, errors);
            Text(where, focusArea.Title, "Field.Title", MaxLength<FocusArea>(nameof(FocusArea.Title)), required: true, errors);
            Text(where, focusArea.Description, "Field.Description", MaxLength<FocusArea>(nameof(FocusArea.Description)), required: false, errors);
            Text(where, focusArea.Aims, "Field.Aims", MaxLength<FocusArea>(nameof(FocusArea.Aims)), required: false, errors);
        }

        var preconditionChains = Chains(milestones, m => m.PreconditionKey is { } next ? milestonesByKey.GetValueOrDefault(next) : null);
        var preconditionTooDeep = false;
        for (var i = 0; i < milestones.Count; i++)
        {
            var milestone = milestones[i];
            var where = WhereMilestone(milestone, i);
            Key(where, milestone.Key, errors);
            Text(where, milestone.Title, "Field.Title", MaxLength<Milestone>(nameof(Milestone.Title)), required: true, errors);
            Text(where, milestone.Description, "Field.Description", MaxLength<Milestone>(nameof(Milestone.Description)), required: false, errors);
            if (milestone.Kind is not { } kind)
            {
                Error("Problem.Missing", where, L("Field.MilestoneKind"));
            }
            else
            {
                Defined(where, kind, "Field.MilestoneKind", errors);
            }

            Timing(where, milestone.Timing, errors);
            Text(where, milestone.Location, "Field.Location", MaxLength<Milestone>(nameof(Milestone.Location)), required: false, errors);
            Email(where, milestone.OwnerEmail, MaxLength<ApplicationUser>(nameof(IdentityUser.Email)), errors);
            Defined(where, milestone.Status, "Field.Status", errors);
            if (milestone.ProgressPercent is < 0 or > 100)
            {
                Error("Problem.Progress", where, milestone.ProgressPercent);
            }

            OptionalDate(where, milestone.ForecastDate, "Field.ForecastDate", errors);
            OptionalDate(where, milestone.CompletedOn, "Field.CompletedOn", errors);
            if (milestone.PreconditionKey is { } preconditionKey)
            {
                if (!milestonesByKey.ContainsKey(preconditionKey))
                {
                    Error("Problem.UnknownMilestone", where, preconditionKey);
                }
                else if (preconditionChains.OnCircle.Contains(milestone))
                {
                    Error("Problem.PreconditionCycle", where);
                }
                else if (preconditionChains.Depths[milestone] is > PlanLimits.MaxPreconditionDepth and var depth && !preconditionTooDeep)
                {
                    preconditionTooDeep = true;
                    Error("Problem.PreconditionTooDeep", where, depth, PlanLimits.MaxPreconditionDepth);
                }
            }

            Text(where, milestone.PreconditionNote, "Field.PreconditionNote", MaxLength<Milestone>(nameof(Milestone.PreconditionNote)), required: false, errors);
            References(where, milestone.FocusAreaKeys, focusAreasByKey, "Problem.UnknownFocusArea", errors);

            var links = milestone.Stakeholders ?? [];
            References(where, [.. links.Select(l => l.StakeholderKey)], stakeholdersByKey, "Problem.UnknownStakeholder", errors);
            foreach (var link in links)
            {
                Defined(where, link.Role, "Field.Role", errors);
            }

            var tasks = milestone.Tasks ?? [];
            for (var t = 0; t < tasks.Count; t++)
            {
                var task = tasks[t];
                var taskWhere = L("Where.Task", where, t + 1);
                Text(taskWhere, task.Title, "Field.Title", MaxLength<MilestoneTask>(nameof(MilestoneTask.Title)), required: true, errors);
                Email(taskWhere, task.OwnerEmail, MaxLength<ApplicationUser>(nameof(IdentityUser.Email)), errors);
                OptionalDate(taskWhere, task.DueDate, "Field.DueDate", errors);
                OptionalDate(taskWhere, task.DoneOn, "Field.DoneOn", errors);
            }
        }

        for (var i = 0; i < budgetInitiatives.Count; i++)
        {
            var initiative = budgetInitiatives[i];
            var where = string.IsNullOrWhiteSpace(initiative.Title) ? L("Where.BudgetInitiativeNo", i + 1) : L("Where.BudgetInitiative", initiative.Title);
            Text(where, initiative.BudgetSketch, "Field.BudgetSketch", MaxLength<BudgetInitiative>(nameof(BudgetInitiative.BudgetSketch)), required: true, errors);
            Text(where, initiative.Title, "Field.Title", MaxLength<BudgetInitiative>(nameof(BudgetInitiative.Title)), required: true, errors);
            Text(where, initiative.Description, "Field.Description", MaxLength<BudgetInitiative>(nameof(BudgetInitiative.Description)), required: false, errors);
            Defined(where, initiative.DecisionState, "Field.DecisionState", errors);
            Text(where, initiative.DecisionNote, "Field.DecisionNote", MaxLength<BudgetInitiative>(nameof(BudgetInitiative.DecisionNote)), required: false, errors);
            var amounts = initiative.Amounts ?? [];
            for (var a = 0; a < amounts.Count; a++)
            {
                if (amounts[a].Year is < PlannedTiming.MinYear or > PlannedTiming.MaxYear)
                {
                    Error("Problem.YearRange", L("Where.Amount", where, a + 1), amounts[a].Year, PlannedTiming.MinYear, PlannedTiming.MaxYear);
                }
            }

            foreach (var year in amounts.GroupBy(a => a.Year).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                Error("Problem.DuplicateAmountYear", where, year);
            }

            References(where, initiative.FocusAreaKeys, focusAreasByKey, "Problem.UnknownFocusArea", errors);
            References(where, initiative.MilestoneKeys, milestonesByKey, "Problem.UnknownMilestone", errors);
        }

        ValidateIndicators(document.Indicators ?? [], focusAreasByKey, errors);
        return errors;
    }

    private void EmptyItems<T>(IReadOnlyList<T>? items, string numbered, List<string> errors)
        where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is null)
            {
                errors.Add(L("Problem.EmptyItem", L(numbered, i + 1)));
            }
        }
    }

    private string WhereMilestone(PlanMilestone milestone, int index) => Where(milestone.Key, index, "Where.Milestone", "Where.MilestoneNo");

    /// <summary>"Milepæl 'temadag-2024'" when the item has a key, else "Milepæl nr. 3".</summary>
    private string Where(string? key, int index, string keyed, string numbered) =>
        string.IsNullOrWhiteSpace(key) ? L(numbered, index + 1) : L(keyed, key);

    private int MaxLength<TEntity>(string property) =>
        db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetMaxLength() ?? int.MaxValue;

    private Dictionary<string, T> UniqueKeys<T>(IReadOnlyList<T> items, Func<T, string?> key, string duplicateMessage, List<string> errors)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var group in items.Where(i => !string.IsNullOrWhiteSpace(key(i))).GroupBy(i => key(i)!, StringComparer.Ordinal))
        {
            result.Add(group.Key, group.First());
            if (group.Count() > 1)
            {
                errors.Add(L(duplicateMessage, group.Key));
            }
        }

        return result;
    }

    private void Key(string where, string? key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add(L("Problem.Missing", where, L("Field.Key")));
        }
        else if (key.Length > MaxKeyLength)
        {
            errors.Add(L("Problem.TooLong", where, L("Field.Key"), key.Length, MaxKeyLength));
        }
    }

    private void Text(string where, string? value, string field, int maxLength, bool required, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(L("Problem.Missing", where, L(field)));
            }
        }
        else if (value.Length > maxLength)
        {
            errors.Add(L("Problem.TooLong", where, L(field), value.Length, maxLength));
        }
    }

    private void Email(string where, string? email, int maxLength, List<string> errors)
    {
        if (email is null)
        {
            return;
        }

        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            errors.Add(L("Problem.InvalidEmail", where, email));
        }
        else if (email.Length > maxLength)
        {
            errors.Add(L("Problem.TooLong", where, L("Field.Email"), email.Length, maxLength));
        }
    }

    private void Defined<TEnum>(string where, TEnum value, string field, List<string> errors)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(L("Problem.InvalidValue", where, L(field), value));
        }
    }

    private void References<T>(string where, IReadOnlyList<string>? keys, IReadOnlyDictionary<string, T> known, string unknownMessage, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys ?? [])
        {
            if (key is null || !known.ContainsKey(key))
            {
                errors.Add(L(unknownMessage, where, key ?? string.Empty));
            }
            else if (!seen.Add(key))
            {
                errors.Add(L("Problem.DuplicateReference", where, key));
            }
        }
    }

    private void RequiredDate(string where, DateOnly? date, string field, List<string> errors)
    {
        if (date is null)
        {
            errors.Add(L("Problem.Missing", where, L(field)));
        }
        else
        {
            OptionalDate(where, date, field, errors);
        }
    }

    private void OptionalDate(string where, DateOnly? date, string field, List<string> errors)
    {
        if (date is { Year: < PlannedTiming.MinYear or > PlannedTiming.MaxYear } outside)
        {
            errors.Add(L("Problem.DateYearRange", where, L(field), IsoDate(outside), PlannedTiming.MinYear, PlannedTiming.MaxYear));
        }
    }

    private void Timing(string where, PlanTiming? timing, List<string> errors)
    {
        void Error(string name, params object[] arguments) => errors.Add(L(name, arguments));

        if (timing is null)
        {
            Error("Problem.Missing", where, L("Field.Timing"));
            return;
        }

        if (timing.Precision is not { } precision)
        {
            Error("Problem.Missing", where, L("Field.Precision"));
            return;
        }

        if (!Enum.IsDefined(precision))
        {
            Error("Problem.InvalidValue", where, L("Field.Precision"), precision);
            return;
        }

        if (precision == TimingPrecision.Day)
        {
            RequiredDate(where, timing.Date, "Field.Date", errors);
            if (timing.Year is { } year && timing.Date is { } date && year != date.Year)
            {
                Error("Problem.YearMismatch", where, year, IsoDate(date));
            }

            if (timing.Period is not null)
            {
                Error("Problem.PeriodNotAllowed", where);
            }

            if (timing.EndTime is { } end)
            {
                if (timing.StartTime is not { } start)
                {
                    Error("Problem.EndWithoutStart", where);
                }
                else if (end <= start)
                {
                    Error("Problem.EndBeforeStart", where, IsoTime(end), IsoTime(start));
                }
            }

            return;
        }

        if (timing.Year is not { } periodYear)
        {
            Error("Problem.Missing", where, L("Field.Year"));
        }
        else if (periodYear is < PlannedTiming.MinYear or > PlannedTiming.MaxYear)
        {
            Error("Problem.YearRange", where, periodYear, PlannedTiming.MinYear, PlannedTiming.MaxYear);
        }

        if (timing.Date is not null)
        {
            Error("Problem.DateNotAllowed", where);
        }

        if (timing.StartTime is not null || timing.EndTime is not null)
        {
            Error("Problem.TimeNotAllowed", where);
        }

        var (periodField, rangeMessage) = precision switch
        {
            TimingPrecision.Month => ("Field.Month", "Problem.MonthRange"),
            TimingPrecision.Quarter => ("Field.Quarter", "Problem.QuarterRange"),
            TimingPrecision.HalfYear => ("Field.HalfYear", "Problem.HalfYearRange"),
            _ => (null, null),
        };
        if (periodField is null || rangeMessage is null)
        {
            if (timing.Period is not null)
            {
                Error("Problem.PeriodNotAllowed", where);
            }
        }
        else if (timing.Period is not { } period)
        {
            Error("Problem.Missing", where, L(periodField));
        }
        else if (period < 1 || period > PlannedTiming.MaxPeriod(precision))
        {
            Error(rangeMessage, where, period);
        }
    }

    /// <summary>The lists of a plan against <see cref="PlanLimits"/>, before anything else is looked at.</summary>
    private void Counts(PlanDocument document, List<string> errors)
    {
        void Total(int count, int max, string noun)
        {
            if (count > max)
            {
                errors.Add(L("Problem.TooMany", count, max, L(noun)));
            }
        }

        void Inside(string where, int count, int max, string noun)
        {
            if (count > max)
            {
                errors.Add(L("Problem.TooManyInside", where, count, max, L(noun)));
            }
        }

        var milestones = document.Milestones ?? [];
        var budgetInitiatives = document.BudgetInitiatives ?? [];
        Total((document.Stakeholders ?? []).Count, PlanLimits.MaxStakeholders, "Count.Stakeholders");
        Total((document.FocusAreas ?? []).Count, PlanLimits.MaxFocusAreas, "Count.FocusAreas");
        Total(milestones.Count, PlanLimits.MaxMilestones, "Count.Milestones");
        Total(budgetInitiatives.Count, PlanLimits.MaxBudgetInitiatives, "Count.BudgetInitiatives");
        Inside(L("Where.Strategy"), document.Strategy?.KeyDates?.Count ?? 0, PlanLimits.MaxKeyDates, "Count.KeyDates");
        Inside(L("Where.Committee"), document.Committee?.Meetings?.Count ?? 0, PlanLimits.MaxMeetings, "Count.Meetings");
        Inside(L("Where.Committee"), document.Committee?.MemberKeys?.Count ?? 0, PlanLimits.MaxCommitteeMembers, "Count.Members");
        if (errors.Count > 0)
        {
            return;
        }

        for (var i = 0; i < milestones.Count; i++)
        {
            if (milestones[i] is { } milestone)
            {
                Inside(WhereMilestone(milestone, i), milestone.Tasks?.Count ?? 0, PlanLimits.MaxTasks, "Count.Tasks");
                Inside(WhereMilestone(milestone, i), milestone.Stakeholders?.Count ?? 0, PlanLimits.MaxMilestoneStakeholders, "Count.Links");
            }
        }

        for (var i = 0; i < budgetInitiatives.Count; i++)
        {
            if (budgetInitiatives[i] is { } initiative)
            {
                Inside(L("Where.BudgetInitiativeNo", i + 1), initiative.Amounts?.Count ?? 0, PlanLimits.MaxAmounts, "Count.Amounts");
            }
        }
    }

    private sealed record ChainInfo<T>(IReadOnlyDictionary<T, int?> Depths, IReadOnlySet<T> OnCircle);

    /// <summary>
    /// For each item, how many steps <paramref name="next"/> takes from it to the end of its chain
    /// (null when the chain runs into a circle), and which items lie on a circle. Every item is
    /// walked once and without recursion, so a chain costs its length, not its square, and no stack.
    /// </summary>
    private static ChainInfo<T> Chains<T>(IEnumerable<T> items, Func<T, T?> next)
        where T : class
    {
        var depths = new Dictionary<T, int?>(ReferenceEqualityComparer.Instance);
        var onCircle = new HashSet<T>(ReferenceEqualityComparer.Instance);
        var path = new List<T>();
        var onPath = new Dictionary<T, int>(ReferenceEqualityComparer.Instance);
        foreach (var start in items)
        {
            path.Clear();
            onPath.Clear();
            int? after;
            for (var current = start; ; current = next(current))
            {
                if (current is null)
                {
                    after = -1;
                    break;
                }

                if (depths.TryGetValue(current, out var known))
                {
                    after = known;
                    break;
                }

                if (onPath.TryGetValue(current, out var circleStart))
                {
                    onCircle.UnionWith(path.Skip(circleStart));
                    after = null;
                    break;
                }

                onPath.Add(current, path.Count);
                path.Add(current);
            }

            for (var i = path.Count - 1; i >= 0; i--)
            {
                after = after + 1;
                depths[path[i]] = after;
            }
        }

        return new ChainInfo<T>(depths, onCircle);
    }

    private static string IsoDate(DateOnly date) => date.ToString(PlanJson.DateFormat, CultureInfo.InvariantCulture);

    private static string IsoTime(TimeOnly time) => time.ToString(PlanJson.TimeFormat, CultureInfo.InvariantCulture);
}
