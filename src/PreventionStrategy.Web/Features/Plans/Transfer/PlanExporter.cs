using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>
/// Writes one strategy as a plan file (FORMAT.md). Everything is put in a fixed order and the keys
/// are derived from content (see <see cref="PlanKeys"/>), so export, import into an empty database
/// and export again gives the same bytes. Two queries in all, whatever the size of the plan: the
/// strategy with everything under it (split into one query per collection), then the stakeholders.
/// </summary>
public sealed class PlanExporter(AppDbContext db)
{
    private static readonly byte[] FinalNewLine = "\n"u8.ToArray();

    /// <summary>The strategy as a document, or null when there is no strategy with that id.</summary>
    public async Task<PlanDocument?> ExportAsync(int strategyId, CancellationToken ct = default)
    {
        var strategy = await db.Strategies
            .AsNoTracking()
            .AsSplitQuery()
            .Include(s => s.KeyDates)
            .Include(s => s.Committee!).ThenInclude(c => c.Members)
            .Include(s => s.Committee!).ThenInclude(c => c.Meetings)
            .Include(s => s.FocusAreas)
            .Include(s => s.Milestones).ThenInclude(m => m.Owner)
            .Include(s => s.Milestones).ThenInclude(m => m.FocusAreas)
            .Include(s => s.Milestones).ThenInclude(m => m.Stakeholders)
            .Include(s => s.Milestones).ThenInclude(m => m.Tasks).ThenInclude(t => t.Owner)
            .Include(s => s.BudgetInitiatives).ThenInclude(b => b.Amounts)
            .Include(s => s.BudgetInitiatives).ThenInclude(b => b.FocusAreas)
            .Include(s => s.BudgetInitiatives).ThenInclude(b => b.Milestones)
            .SingleOrDefaultAsync(s => s.Id == strategyId, ct);
        if (strategy is null)
        {
            return null;
        }

        // Every stakeholder, for walking up from persons to their units; a municipality has at most
        // a few hundred, and one query beats one per level of the unit tree.
        var allStakeholders = await db.Stakeholders.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);

        var stakeholderKeys = StakeholderKeys(strategy, allStakeholders);

        var focusAreas = strategy.FocusAreas
            .OrderBy(f => f.SortOrder)
            .ThenBy(f => f.Title, StringComparer.Ordinal)
            .ThenBy(f => f.Description, StringComparer.Ordinal)
            .ThenBy(f => f.Id)
            .ToList();
        var focusAreaKeys = Keyed(focusAreas, PlanKeys.Deduplicate(focusAreas.Select(f => $"fa{f.SortOrder}")));

        var milestones = strategy.Milestones
            .OrderBy(m => m.Timing.Start)
            .ThenBy(m => m.Timing.End)
            .ThenBy(m => m.Timing.StartTime)
            .ThenBy(m => m.Title, StringComparer.Ordinal)
            .ThenBy(m => m.Kind)
            .ThenBy(m => m.Description, StringComparer.Ordinal)
            .ThenBy(m => m.Id)
            .ToList();
        var milestoneKeys = Keyed(milestones, PlanKeys.Deduplicate(milestones.Select(m => PlanKeys.Slug(m.Title, "milepael"))));

        var indicators = await PlanIndicatorExport.ExportAsync(db, strategyId, focusAreaKeys.Keys, ct);
        var budgetInitiatives = strategy.BudgetInitiatives
            .OrderBy(b => b.SortOrder)
            .ThenBy(b => b.Title, StringComparer.Ordinal)
            .ThenBy(b => b.BudgetSketch, StringComparer.Ordinal)
            .ThenBy(b => b.Id)
            .ToList();
        var snapshots = await PlanSnapshotExport.ExportAsync(db, strategyId, [.. milestones.Select(m => m.Id)], [.. focusAreas.Select(f => f.Id)], [.. budgetInitiatives.Select(b => b.Id)], ct);

        return new PlanDocument
        {
            FormatVersion = PlanDocument.CurrentFormatVersion,
            Strategy = new PlanStrategy
            {
                Name = strategy.Name,
                Municipality = strategy.Municipality,
                Division = strategy.Division,
                Purpose = strategy.Purpose,
                Status = strategy.Status,
                KeyDates =
                [
                    .. strategy.KeyDates
                        .OrderBy(k => k.Timing.Start)
                        .ThenBy(k => k.Timing.End)
                        .ThenBy(k => k.Timing.StartTime)
                        .ThenBy(k => k.Label, StringComparer.Ordinal)
                        .ThenBy(k => k.Id)
                        .Select(k => new PlanKeyDate { Label = k.Label, Timing = PlanTiming.From(k.Timing) }),
                ],
            },
            Committee = strategy.Committee is { } committee ? ExportCommittee(committee, stakeholderKeys) : null,
            Stakeholders =
            [
                .. stakeholderKeys
                    .OrderBy(pair => pair.Value, StringComparer.Ordinal)
                    .Select(pair => ExportStakeholder(allStakeholders[pair.Key], pair.Value, stakeholderKeys)),
            ],
            FocusAreas =
            [
                .. focusAreas.Select(f => new PlanFocusArea
                {
                    Key = focusAreaKeys.Keys[f.Id],
                    Order = f.SortOrder,
                    Title = f.Title,
                    Description = f.Description,
                    Aims = f.Aims,
                }),
            ],
            Milestones = [.. milestones.Select(m => ExportMilestone(m, milestoneKeys, focusAreaKeys, stakeholderKeys))],
            BudgetInitiatives =
            [
                .. budgetInitiatives
                    .Select(b => new PlanBudgetInitiative
                    {
                        BudgetSketch = b.BudgetSketch,
                        Order = b.SortOrder,
                        Title = b.Title,
                        Description = b.Description,
                        DecisionState = b.DecisionState,
                        DecisionNote = b.DecisionNote,
                        Amounts = [.. b.Amounts.OrderBy(a => a.Year).Select(a => new PlanBudgetAmount { Year = a.Year, AmountDkk = a.AmountDkk })],
                        FocusAreaKeys = References(b.FocusAreas.Select(f => f.Id), focusAreaKeys),
                        MilestoneKeys = References(b.Milestones.Select(m => m.Id), milestoneKeys),
                    }),
            ],
            Indicators = indicators,
            Snapshots = snapshots,
        };
    }

    /// <summary>Writes the strategy as indented UTF-8 JSON; false (and nothing written) when there is no such strategy.</summary>
    public async Task<bool> WriteJsonAsync(int strategyId, Stream output, CancellationToken ct = default)
    {
        var document = await ExportAsync(strategyId, ct);
        if (document is null)
        {
            return false;
        }

        await SerializeAsync(document, output, ct);
        return true;
    }

    /// <summary>Writes a document exactly as <see cref="WriteJsonAsync"/> does (with a final line end).</summary>
    public static async Task SerializeAsync(PlanDocument document, Stream output, CancellationToken ct = default)
    {
        await JsonSerializer.SerializeAsync(output, document, PlanJson.Options, ct);
        await output.WriteAsync(FinalNewLine, ct);
    }

    /// <summary>A file name for the download: "forebyggende-strategi-for-anbringelsesomraadet.json".</summary>
    public static string SuggestedFileName(PlanDocument document) =>
        PlanKeys.Slug(document.Strategy.Name, "plan") + ".json";

    /// <summary>
    /// The stakeholders the strategy uses (on milestones, in the committee, and the units above
    /// those, all the way up), each with its key: a slug of the name, de-duplicated in an order
    /// that depends only on content.
    /// </summary>
    private static Dictionary<int, string> StakeholderKeys(Strategy strategy, IReadOnlyDictionary<int, Stakeholder> all)
    {
        var used = new HashSet<int>();
        var pending = new Stack<int>(
            strategy.Milestones.SelectMany(m => m.Stakeholders).Select(l => l.StakeholderId)
                .Concat(strategy.Committee?.Members.Select(s => s.Id) ?? []));
        while (pending.TryPop(out var id))
        {
            if (all.TryGetValue(id, out var stakeholder) && used.Add(id) && stakeholder.UnitId is { } unitId)
            {
                pending.Push(unitId);
            }
        }

        var ordered = used.Select(id => all[id])
            .Select(s => (Stakeholder: s, BaseKey: PlanKeys.Slug(s.Name, s.Kind == StakeholderKind.Person ? "person" : "enhed")))
            .OrderBy(x => x.BaseKey, StringComparer.Ordinal)
            .ThenBy(x => x.Stakeholder.Kind)
            .ThenBy(x => x.Stakeholder.Name, StringComparer.Ordinal)
            .ThenBy(x => UnitPath(x.Stakeholder, all), StringComparer.Ordinal)
            .ThenBy(x => x.Stakeholder.IsExternal)
            .ThenBy(x => x.Stakeholder.Title, StringComparer.Ordinal)
            .ThenBy(x => x.Stakeholder.Email, StringComparer.Ordinal)
            .ThenBy(x => x.Stakeholder.Description, StringComparer.Ordinal)
            .ThenBy(x => x.Stakeholder.Id)
            .ToList();
        var keys = PlanKeys.Deduplicate(ordered.Select(x => x.BaseKey));
        return ordered.Select((x, i) => (x.Stakeholder.Id, Key: keys[i])).ToDictionary(x => x.Id, x => x.Key);
    }

    /// <summary>"Parent / Unit" names from the top, to tell apart stakeholders of the same name.</summary>
    private static string UnitPath(Stakeholder stakeholder, IReadOnlyDictionary<int, Stakeholder> all)
    {
        var names = new List<string>();
        var seen = new HashSet<int>();
        for (var unitId = stakeholder.UnitId; unitId is { } id && seen.Add(id) && all.TryGetValue(id, out var unit); unitId = unit.UnitId)
        {
            names.Add(unit.Name);
        }

        names.Reverse();
        return string.Join(" / ", names);
    }

    private static PlanStakeholder ExportStakeholder(Stakeholder stakeholder, string key, IReadOnlyDictionary<int, string> keys) => new()
    {
        Key = key,
        Kind = stakeholder.Kind,
        Name = stakeholder.Name,
        Title = stakeholder.Title,
        Email = stakeholder.Email,
        IsExternal = stakeholder.IsExternal,
        Description = stakeholder.Description,
        UnitKey = stakeholder.UnitId is { } unitId ? keys[unitId] : null,
    };

    private static PlanCommittee ExportCommittee(Committee committee, IReadOnlyDictionary<int, string> stakeholderKeys) => new()
    {
        Name = committee.Name,
        Municipality = committee.Municipality,
        Description = committee.Description,
        MemberKeys = [.. committee.Members.Select(s => stakeholderKeys[s.Id]).Order(StringComparer.Ordinal)],
        Meetings =
        [
            .. committee.Meetings
                .OrderBy(m => m.MeetingDate)
                .ThenBy(m => m.StartTime)
                .ThenBy(m => m.Location, StringComparer.Ordinal)
                .ThenBy(m => m.Id)
                .Select(m => new PlanCommitteeMeeting
                {
                    Date = m.MeetingDate,
                    StartTime = m.StartTime,
                    Location = m.Location,
                    BriefingDeadline = m.BriefingDeadline,
                    Notes = m.Notes,
                }),
        ],
    };

    private static PlanMilestone ExportMilestone(
        Milestone milestone,
        ListedKeys milestoneKeys,
        ListedKeys focusAreaKeys,
        IReadOnlyDictionary<int, string> stakeholderKeys) => new()
        {
            Key = milestoneKeys.Keys[milestone.Id],
            Title = milestone.Title,
            Description = milestone.Description,
            Kind = milestone.Kind,
            Timing = PlanTiming.From(milestone.Timing),
            Location = milestone.Location,
            OwnerEmail = milestone.Owner?.Email,
            Status = milestone.Status,
            ProgressPercent = milestone.ProgressPercent,
            ForecastDate = milestone.ForecastDate,
            CompletedOn = milestone.CompletedOn,

            // A precondition in another strategy cannot be expressed in this file; it is left out.
            PreconditionKey = milestone.PreconditionId is { } preconditionId ? milestoneKeys.Keys.GetValueOrDefault(preconditionId) : null,
            PreconditionNote = milestone.PreconditionNote,
            FocusAreaKeys = References(milestone.FocusAreas.Select(f => f.Id), focusAreaKeys),
            Stakeholders =
            [
                .. milestone.Stakeholders
                    .Select(l => new PlanMilestoneStakeholder { StakeholderKey = stakeholderKeys[l.StakeholderId], Role = l.Role })
                    .OrderBy(l => l.StakeholderKey, StringComparer.Ordinal),
            ],
            Tasks =
            [
                .. milestone.Tasks
                    .OrderBy(t => t.DueDate is null)
                    .ThenBy(t => t.DueDate)
                    .ThenBy(t => t.Title, StringComparer.Ordinal)
                    .ThenBy(t => t.IsDone)
                    .ThenBy(t => t.DoneOn)
                    .ThenBy(t => t.Owner?.Email, StringComparer.Ordinal)
                    .ThenBy(t => t.Id)
                    .Select(t => new PlanTask
                    {
                        Title = t.Title,
                        OwnerEmail = t.Owner?.Email,
                        DueDate = t.DueDate,
                        IsDone = t.IsDone,
                        DoneOn = t.DoneOn,
                    }),
            ],
        };

    /// <summary>Keys of the referenced items that belong to this strategy, in the order the items are listed in the file.</summary>
    private static IReadOnlyList<string> References(IEnumerable<int> ids, ListedKeys listed) =>
        [.. ids.Distinct().Where(listed.Keys.ContainsKey).OrderBy(id => listed.Positions[id]).Select(id => listed.Keys[id])];

    private static ListedKeys Keyed<T>(IReadOnlyList<T> items, IReadOnlyList<string> keys)
        where T : Entity =>
        new(
            items.Select((item, i) => (item.Id, Key: keys[i])).ToDictionary(x => x.Id, x => x.Key),
            items.Select((item, i) => (item.Id, Position: i)).ToDictionary(x => x.Id, x => x.Position));

    /// <summary>The keys of listed items by id, and where each stands in the list.</summary>
    private sealed record ListedKeys(IReadOnlyDictionary<int, string> Keys, IReadOnlyDictionary<int, int> Positions);
}
