using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>The outcome of an import: the new strategy's id when it succeeded, else every problem found.</summary>
public sealed record PlanImportResult(int? StrategyId, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads a plan file (FORMAT.md) into a new strategy. All or nothing: the whole document is
/// checked first and every problem is reported, in the user's language, naming where it is; only a
/// document without errors is saved, in one transaction. Stakeholders and the committee that
/// already exist (same kind, name and unit; same name and municipality) are reused, and owners are
/// matched to existing users by email; an unknown email is a warning, not an error.
/// </summary>
public sealed partial class PlanImporter(AppDbContext db, IStringLocalizer<PlanImporter> localizer)
{
    public const int MaxFileMegabytes = 5;

    private const int MaxFileBytes = MaxFileMegabytes * 1024 * 1024;

    /// <summary>Items named in one warning; beyond it they are counted.</summary>
    private const int MaxWarningsListed = 5;

    /// <summary>Places named in one unknown-owner warning; beyond it "…".</summary>
    private const int MaxPlacesListed = 20;

    public async Task<PlanImportResult> ImportAsync(Stream json, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var document = await ReadAsync(json, errors, ct);
        return document is null ? Failed(errors) : await ImportAsync(document, ct);
    }

    public async Task<PlanImportResult> ImportAsync(PlanDocument document, CancellationToken ct = default)
    {
        var errors = Validate(document);
        if (errors.Count > 0)
        {
            return Failed(errors);
        }

        return await SaveAsync(document, ct);
    }

    private static PlanImportResult Failed(IReadOnlyList<string> errors) => new(null, errors, []);

    private string L(string name, params object[] arguments) => localizer[name, arguments].Value;

    private async Task<PlanDocument?> ReadAsync(Stream json, List<string> errors, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await json.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                errors.Add(L("Import.FileTooLarge", MaxFileMegabytes));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        ReadOnlyMemory<byte> data = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (data.Span.StartsWith("\uFEFF"u8))
        {
            data = data[3..];
        }

        if (data.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(L("Import.FileEmpty"));
            return null;
        }

        if (InvalidUtf8(data.Span) is { } notUtf8)
        {
            errors.Add(notUtf8);
            return null;
        }

        // First the syntax and the format version, so a file from a later version is refused as
        // such rather than for the fields this version does not know.
        try
        {
            using var parsed = JsonDocument.Parse(data);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(L("Import.RootNotObject"));
                return null;
            }

            var version = parsed.RootElement.EnumerateObject()
                .Where(p => string.Equals(p.Name, "formatVersion", StringComparison.OrdinalIgnoreCase))
                .Select(p => (JsonElement?)p.Value)
                .FirstOrDefault();
            if (version is not { } value)
            {
                errors.Add(L("Import.FormatVersionMissing", PlanDocument.CurrentFormatVersion));
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number != PlanDocument.CurrentFormatVersion)
            {
                errors.Add(L("Import.FormatVersionUnknown", value.GetRawText(), PlanDocument.CurrentFormatVersion));
                return null;
            }
        }
        catch (JsonException exception)
        {
            errors.Add(L("Import.InvalidJson", (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1));
            return null;
        }

        errors.AddRange(TextProblems(data.Span));
        if (errors.Count > 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PlanDocument>(data.Span, PlanJson.Options);
        }
        catch (JsonException exception)
        {
            var field = FieldPath(exception.Path);
            var line = (exception.LineNumber ?? 0) + 1;
            errors.Add((exception as PlanJsonException ?? exception.InnerException as PlanJsonException) switch
            {
                { Problem: PlanJsonProblem.InvalidDate } problem => L("Import.InvalidDate", field, line, problem.Value),
                { Problem: PlanJsonProblem.InvalidTime } problem => L("Import.InvalidTime", field, line, problem.Value),
                { Problem: PlanJsonProblem.UnknownValue } problem => L("Import.UnknownValue", field, line, problem.Value, problem.AllowedValues ?? string.Empty),
                _ when !IsFieldOfTheFormat(exception.Path) => L("Import.UnknownField", field, line),
                _ => L("Import.WrongType", field, line),
            });
            return null;
        }
    }

    /// <summary>
    /// Whether a path such as "$.milestones[2].timing.date" names a property of the format, found
    /// by walking the document types; when it does not, the field is misspelt rather than of the wrong type.
    /// </summary>
    private static bool IsFieldOfTheFormat(string? path)
    {
        var type = typeof(PlanDocument);
        foreach (var segment in (path ?? string.Empty).TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            if (name.Length == 0)
            {
                continue;
            }

            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return false;
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                type = type.GetGenericArguments()[0];
            }
        }

        return true;
    }

    /// <summary>"$.milestones[2].timing.date" → "milestones[2].timing.date".</summary>
    private static string FieldPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private async Task<PlanImportResult> SaveAsync(PlanDocument document, CancellationToken ct)
    {
        var warnings = new List<string>();
        var plan = document.Strategy;
        var stakeholderDocs = document.Stakeholders ?? [];
        var focusAreaDocs = document.FocusAreas ?? [];
        var milestoneDocs = document.Milestones ?? [];
        var budgetDocs = document.BudgetInitiatives ?? [];
        var snapshotDocs = document.Snapshots ?? [];
        if (PlanSnapshotExport.Unreadable(snapshotDocs) is { } unreadable)
        {
            return new PlanImportResult(null, [L("Import.SnapshotUnreadable", unreadable.Number, unreadable.Reason)], warnings);
        }

        // All reads happen before the write transaction: on SQLite in WAL mode a transaction that
        // reads first and writes later can fail at once if another connection wrote in between.
        var owners = await FindOwnersAsync(milestoneDocs, document.Indicators ?? [], warnings, ct);
        var existingStakeholders = await db.Stakeholders.ToListAsync(ct);
        var existingCommittees = document.Committee is null
            ? []
            : await db.Committees.Include(c => c.Members).Include(c => c.Meetings).AsSplitQuery().ToListAsync(ct);
        if (await db.Strategies.AnyAsync(s => s.Name == plan.Name && s.Municipality == plan.Municipality, ct))
        {
            warnings.Add(L("Warning.StrategyExists", plan.Name, plan.Municipality));
        }

        var stakeholders = ResolveStakeholders(stakeholderDocs, existingStakeholders, warnings);
        var unusedKeys = UnusedStakeholderKeys(document).ToList();
        if (unusedKeys.Count > MaxWarningsListed)
        {
            // One line, not hundreds: the warnings travel to the next page in a cookie.
            warnings.Add(L("Warning.UnusedStakeholders", unusedKeys.Count, string.Join(", ", unusedKeys.Take(MaxWarningsListed))));
        }
        else
        {
            warnings.AddRange(unusedKeys.Select(unused => L("Warning.UnusedStakeholder", L("Where.Stakeholder", unused))));
        }

        var strategy = new Strategy
        {
            Name = plan.Name,
            Municipality = plan.Municipality,
            Division = plan.Division,
            Purpose = plan.Purpose,
            Status = plan.Status,
            KeyDates = [.. (plan.KeyDates ?? []).Select(k => new StrategyKeyDate { Label = k.Label, Timing = ToTiming(k.Timing) })],
            Committee = document.Committee is { } committee ? ResolveCommittee(committee, existingCommittees, stakeholders, warnings) : null,
        };

        var focusAreas = new Dictionary<string, FocusArea>(StringComparer.Ordinal);
        foreach (var item in focusAreaDocs)
        {
            var focusArea = new FocusArea { SortOrder = item.Order, Title = item.Title, Description = item.Description, Aims = item.Aims };
            focusAreas.Add(item.Key, focusArea);
            strategy.FocusAreas.Add(focusArea);
        }

        var milestones = new Dictionary<string, Milestone>(StringComparer.Ordinal);
        foreach (var item in milestoneDocs)
        {
            var milestone = new Milestone
            {
                Title = item.Title,
                Description = item.Description,
                Kind = item.Kind!.Value,
                Timing = ToTiming(item.Timing),
                Location = item.Location,
                OwnerId = OwnerId(item.OwnerEmail, owners),
                Status = item.Status,
                ProgressPercent = item.ProgressPercent,
                ForecastDate = item.ForecastDate,
                CompletedOn = item.CompletedOn,
                PreconditionNote = item.PreconditionNote,
                FocusAreas = [.. (item.FocusAreaKeys ?? []).Select(key => focusAreas[key])],
                Stakeholders = [.. (item.Stakeholders ?? []).Select(s => new MilestoneStakeholder { Stakeholder = stakeholders[s.StakeholderKey], Role = s.Role })],
                Tasks =
                [
                    .. (item.Tasks ?? []).Select(t => new MilestoneTask
                    {
                        Title = t.Title,
                        OwnerId = OwnerId(t.OwnerEmail, owners),
                        DueDate = t.DueDate,
                        IsDone = t.IsDone,
                        DoneOn = t.DoneOn,
                    }),
                ],
            };
            milestones.Add(item.Key, milestone);
            strategy.Milestones.Add(milestone);
        }

        foreach (var item in milestoneDocs.Where(m => m.PreconditionKey is not null))
        {
            milestones[item.Key].Precondition = milestones[item.PreconditionKey!];
        }

        foreach (var item in budgetDocs)
        {
            strategy.BudgetInitiatives.Add(new BudgetInitiative
            {
                BudgetSketch = item.BudgetSketch,
                SortOrder = item.Order,
                Title = item.Title,
                Description = item.Description,
                DecisionState = item.DecisionState,
                DecisionNote = item.DecisionNote,
                Amounts = [.. (item.Amounts ?? []).Select(a => new BudgetAmount { Year = a.Year, AmountDkk = a.AmountDkk })],
                FocusAreas = [.. (item.FocusAreaKeys ?? []).Select(key => focusAreas[key])],
                Milestones = [.. (item.MilestoneKeys ?? []).Select(key => milestones[key])],
            });
        }

        AddIndicators(document.Indicators ?? [], strategy, focusAreas, owners);
        db.Strategies.Add(strategy);

        // Everything is prepared in memory first; the write lock is taken only for the INSERTs.
        // Without a caller's transaction the audit interceptor opens one after it has read the
        // changes, so the plan and its audit rows are saved together and the lock stays short.
        db.ChangeTracker.DetectChanges();

        // Snapshots refer to the new ids, known only after the first save: then both saves share one transaction.
        await using var transaction = snapshotDocs.Count > 0 ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                AddSnapshots(snapshotDocs, strategy, [.. milestoneDocs.Select(m => milestones[m.Key].Id)], [.. focusAreaDocs.Select(f => focusAreas[f.Key].Id)]);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException exception) when (!DatabaseBusy.Is(exception) && !DatabaseBusy.IsStorageFault(exception))
        {
            db.ChangeTracker.Clear();
            return new PlanImportResult(null, [L("Import.SaveFailed", (exception.InnerException ?? exception).Message)], warnings);
        }
        catch
        {
            // Cancelled, busy or worse: leave no half-added plan behind in this context.
            db.ChangeTracker.Clear();
            throw;
        }

        return new PlanImportResult(strategy.Id, [], warnings);
    }

    /// <summary>Each snapshot tied to the imported committee's meeting on its date (a second one for the same meeting stays untied).</summary>
    private void AddSnapshots(IReadOnlyList<PlanSnapshot> snapshots, Strategy strategy, IReadOnlyList<int> milestoneIds, IReadOnlyList<int> focusAreaIds)
    {
        var meetings = strategy.Committee?.Meetings ?? [];
        var budgetIds = strategy.BudgetInitiatives.Select(b => b.Id).ToList();
        var tied = new HashSet<int>();
        foreach (var snapshot in snapshots)
        {
            var meetingId = meetings.Where(m => m.MeetingDate == snapshot.MeetingDate).OrderBy(m => m.StartTime).ThenBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefault();
            if (meetingId is { } id && !tied.Add(id))
            {
                meetingId = null;
            }

            db.StrategySnapshots.Add(PlanSnapshotExport.Import(snapshot, strategy.Id, meetingId, milestoneIds, focusAreaIds, budgetIds));
        }
    }

    /// <summary>Users by normalised email; one warning per email no user has, naming where it is used.</summary>
    private async Task<Dictionary<string, string>> FindOwnersAsync(IReadOnlyList<PlanMilestone> milestones, IReadOnlyList<PlanIndicator> indicators, List<string> warnings, CancellationToken ct)
    {
        var uses = new List<(string Email, string Where)>();
        for (var i = 0; i < milestones.Count; i++)
        {
            var milestone = milestones[i];
            var where = WhereMilestone(milestone, i);
            if (milestone.OwnerEmail is { } owner)
            {
                uses.Add((owner, where));
            }

            var tasks = milestone.Tasks ?? [];
            for (var t = 0; t < tasks.Count; t++)
            {
                if (tasks[t].OwnerEmail is { } taskOwner)
                {
                    uses.Add((taskOwner, L("Where.Task", where, t + 1)));
                }
            }
        }

        uses.AddRange(indicators.Select((indicator, i) => (indicator.OwnerEmail!, Where(indicator.Key, i, "Where.Indicator", "Where.IndicatorNo"))).Where(u => u.Item1 is not null));
        var wanted = uses.Select(u => NormalizeEmail(u.Email)).Distinct().ToList();
        var users = wanted.Count == 0
            ? []
            : await db.Users.Where(u => u.NormalizedEmail != null && wanted.Contains(u.NormalizedEmail))
                .Select(u => new { u.Id, NormalizedEmail = u.NormalizedEmail! })
                .ToListAsync(ct);
        var owners = users.GroupBy(u => u.NormalizedEmail)
            .ToDictionary(g => g.Key, g => g.Select(u => u.Id).Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);

        foreach (var group in uses.GroupBy(u => NormalizeEmail(u.Email)).Where(g => !owners.ContainsKey(g.Key)))
        {
            var places = string.Join(", ", group.Take(MaxPlacesListed).Select(u => u.Where)) + (group.Count() > MaxPlacesListed ? " …" : string.Empty);
            warnings.Add(L("Warning.UnknownOwner", group.First().Email, places));
        }

        return owners;
    }

    /// <summary>As ASP.NET Core Identity's default lookup normaliser does it.</summary>
    private static string NormalizeEmail(string email) => email.Normalize().ToUpperInvariant();

    private static string? OwnerId(string? email, IReadOnlyDictionary<string, string> owners) =>
        email is not null && owners.TryGetValue(NormalizeEmail(email), out var id) ? id : null;

    /// <summary>
    /// One entity per document key: an existing stakeholder with the same kind, name (ignoring
    /// case) and unit when there is one, else a new one. Units are resolved before their members:
    /// the items are taken in order of how many units lie above them (Validate bounded that), so
    /// nothing recurses, and existing stakeholders are found by a lookup, not a search.
    /// </summary>
    private Dictionary<string, Stakeholder> ResolveStakeholders(IReadOnlyList<PlanStakeholder> items, List<Stakeholder> existing, List<string> warnings)
    {
        var byKey = items.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var depths = Chains(items, s => s.UnitKey is { } unitKey ? byKey[unitKey] : null).Depths;
        var existingByIdentity = new Dictionary<string, Stakeholder>(StringComparer.OrdinalIgnoreCase);
        foreach (var stakeholder in existing.OrderBy(s => s.Id))
        {
            existingByIdentity.TryAdd(Identity(stakeholder.Kind, stakeholder.Name, stakeholder.UnitId), stakeholder);
        }

        var existingSet = existing.ToHashSet(ReferenceEqualityComparer.Instance);
        var resolved = new Dictionary<string, Stakeholder>(StringComparer.Ordinal);
        var reused = new List<string>();
        foreach (var item in items.OrderBy(i => depths[i] ?? 0))
        {
            var unit = item.UnitKey is { } unitKey ? resolved[unitKey] : null;

            // A stakeholder under a unit the file creates cannot exist yet.
            var match = unit is not null && !existingSet.Contains(unit)
                ? null
                : existingByIdentity.GetValueOrDefault(Identity(item.Kind!.Value, item.Name, unit?.Id));
            if (match is not null)
            {
                reused.Add(item.Name);
            }

            var stakeholder = match ?? new Stakeholder
            {
                Kind = item.Kind!.Value,
                Name = item.Name,
                Title = item.Title,
                Email = item.Email,
                IsExternal = item.IsExternal,
                Description = item.Description,
                Unit = unit,
            };
            if (match is null)
            {
                db.Stakeholders.Add(stakeholder);
            }

            resolved.Add(item.Key, stakeholder);
        }

        if (reused.Count > 0)
        {
            warnings.Add(L("Warning.ReusedStakeholders", reused.Count, string.Join(", ", reused)));
        }

        return resolved;
    }

    /// <summary>What makes two stakeholders the same: kind, unit and name (trimmed; the dictionary ignores case).</summary>
    private static string Identity(StakeholderKind kind, string name, int? unitId) => $"{kind}|{unitId}|{name.Trim()}";

    private Committee ResolveCommittee(PlanCommittee item, List<Committee> existing, IReadOnlyDictionary<string, Stakeholder> stakeholders, List<string> warnings)
    {
        var members = (item.MemberKeys ?? []).Select(key => stakeholders[key]).ToList();
        var meetings = (item.Meetings ?? []).Select(m => new CommitteeMeeting
        {
            MeetingDate = m.Date!.Value,
            StartTime = m.StartTime,
            Location = m.Location,
            BriefingDeadline = m.BriefingDeadline!.Value,
            Notes = m.Notes,
        }).ToList();

        var committee = existing
            .Where(c => SameName(c.Name, item.Name) && SameName(c.Municipality, item.Municipality))
            .OrderBy(c => c.Id)
            .FirstOrDefault();
        if (committee is null)
        {
            return new Committee { Name = item.Name, Municipality = item.Municipality, Description = item.Description, Members = members, Meetings = meetings };
        }

        // The committee exists: keep it as it is and add the members and meetings it lacks.
        warnings.Add(L("Warning.ReusedCommittee", committee.Name, committee.Municipality));
        committee.Members.AddRange(members.Where(m => !committee.Members.Contains(m)));
        committee.Meetings.AddRange(meetings.Where(m => !committee.Meetings.Any(e => e.MeetingDate == m.MeetingDate && e.StartTime == m.StartTime)));
        return committee;
    }

    /// <summary>Stakeholders neither a milestone nor the committee uses, directly or as a unit above one: an export leaves them out.</summary>
    private static IEnumerable<string> UnusedStakeholderKeys(PlanDocument document)
    {
        var units = (document.Stakeholders ?? []).ToDictionary(s => s.Key, s => s.UnitKey, StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(
            (document.Milestones ?? []).SelectMany(m => m.Stakeholders ?? []).Select(l => l.StakeholderKey)
                .Concat(document.Committee?.MemberKeys ?? []));
        while (pending.TryPop(out var key))
        {
            if (used.Add(key) && units.GetValueOrDefault(key) is { } unitKey)
            {
                pending.Push(unitKey);
            }
        }

        return (document.Stakeholders ?? []).Select(s => s.Key).Where(key => !used.Contains(key));
    }

    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Only for a timing <see cref="Validate"/> accepted, so the factory cannot throw.</summary>
    private static PlannedTiming ToTiming(PlanTiming timing) =>
        PlannedTiming.Create(timing.Precision!.Value, timing.Year ?? timing.Date?.Year ?? 0, timing.Period, timing.Date, timing.StartTime, timing.EndTime);
}
