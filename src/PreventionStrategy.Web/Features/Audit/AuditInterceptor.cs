using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every create, update and delete of the site's entities,
/// with who, when and each changed field's old and new value. Many-to-many links (a milestone's
/// focus areas, a committee's members) and a user's roles are recorded as changes of the entity
/// that holds them; owned values (a milestone's <see cref="PlannedTiming"/>) as "Timing.Period"
/// fields of their owner.
/// </summary>
/// <remarks>
/// Values are read in <c>SavingChanges</c> (old values are gone afterwards); created entities get
/// their ids from the database, so their rows are written in <c>SavedChanges</c>, as one
/// multi-row INSERT on the same connection. When the caller has no transaction the interceptor
/// opens one before the save and commits it after the audit rows, so a change is never stored
/// without its audit rows, nor the other way round. Reads cost nothing: only saves are intercepted.
/// A user's password hash, security and concurrency stamps, normalised copies, lockout state and
/// tokens are never recorded; a new password shows only as "changed".
/// </remarks>
public sealed class AuditInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The user name recorded when nobody is signed in: the demo seed, the first-run setup, background work.</summary>
    public const string SystemUserName = "system";

    /// <summary>Rows per INSERT statement: 8 parameters each stays under every provider's parameter limit.</summary>
    private const int RowsPerInsert = 100;

    private static readonly HashSet<Type> AuditedTypes =
    [
        typeof(MilestoneStatusUpdate),
        typeof(Reminders.MailPreference),
        typeof(Sharing.StrategyShare),
        typeof(MilestoneStakeholder),
        typeof(StrategyKeyDate),
        typeof(BudgetAmount),
        typeof(ApplicationUser),
    ];

    /// <summary>The only user fields an audit row may show (an allow-list, so a new secret column is never recorded by accident).</summary>
    private static readonly HashSet<string> UserFields =
    [
        nameof(ApplicationUser.FullName),
        nameof(ApplicationUser.Email),
        nameof(ApplicationUser.UserName),
        nameof(ApplicationUser.PhoneNumber),
        nameof(ApplicationUser.EmailConfirmed),
        nameof(ApplicationUser.UnitId),
        nameof(ApplicationUser.IsDisabled),
        nameof(ApplicationUser.CreatedAtUtc),
    ];

    private static readonly string[] LabelProperties = ["Name", "Title", "Label", "FullName"];

    private readonly ConditionalWeakTable<DbContext, PendingSave> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }

        DiscardStale(context);
        var save = Collect(context);
        if (save is null)
        {
            return result;
        }

        if (save.UnknownRoleIds.Count > 0)
        {
            var ids = save.UnknownRoleIds.ToList();
            save.AddRoleNames(context.Set<IdentityRole>().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToList()
                .Select(r => (r.Id, r.Name)));
        }

        save.Finish();
        if (save.Drafts.Count == 0)
        {
            return result;
        }

        if (NeedsOwnTransaction(context))
        {
            save.OwnTransaction = context.Database.BeginTransaction();
            PrepareOwnTransaction(context, save);
        }

        pending.AddOrUpdate(context, save);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }

        await DiscardStaleAsync(context);
        var save = Collect(context);
        if (save is null)
        {
            return result;
        }

        if (save.UnknownRoleIds.Count > 0)
        {
            var ids = save.UnknownRoleIds.ToList();
            save.AddRoleNames((await context.Set<IdentityRole>().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
                .Select(r => (r.Id, r.Name)));
        }

        save.Finish();
        if (save.Drafts.Count == 0)
        {
            return result;
        }

        if (NeedsOwnTransaction(context))
        {
            save.OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
            PrepareOwnTransaction(context, save);
        }

        pending.AddOrUpdate(context, save);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not { } context || !pending.TryGetValue(context, out var save))
        {
            return result;
        }

        pending.Remove(context);
        try
        {
            foreach (var (sql, parameters) in InsertCommands(context, Rows(save)))
            {
                context.Database.ExecuteSqlRaw(sql, parameters);
            }

            save.OwnTransaction?.Commit();
        }
        catch
        {
            save.OwnTransaction?.Rollback();
            throw;
        }
        finally
        {
            End(context, save);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !pending.TryGetValue(context, out var save))
        {
            return result;
        }

        pending.Remove(context);
        try
        {
            foreach (var (sql, parameters) in InsertCommands(context, Rows(save)))
            {
                await context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
            }

            if (save.OwnTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (save.OwnTransaction is { } transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            await EndAsync(context, save);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => AbandonAsync(eventData.Context);

    private static bool NeedsOwnTransaction(DbContext context) =>
        context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null;

    /// <summary>
    /// Our own transaction is rolled back whole on failure, so EF's savepoint inside it would only
    /// cost two commands. A concurrency conflict does not reach the failure interceptor (only the
    /// context's SaveChangesFailed event, raised once the failed command is done), so the event
    /// rolls back too: the form that explains the conflict must not hold SQLite's write lock.
    /// </summary>
    private void PrepareOwnTransaction(DbContext context, PendingSave save)
    {
        save.SavepointsWereEnabled = context.Database.AutoSavepointsEnabled;
        context.Database.AutoSavepointsEnabled = false;
        save.OnFailed = (_, _) => Abandon(context);
        context.SaveChangesFailed += save.OnFailed;
    }

    private void Abandon(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var save))
        {
            return;
        }

        pending.Remove(context);
        try
        {
            if (IsCurrent(context, save))
            {
                save.OwnTransaction!.Rollback();
            }
        }
        finally
        {
            End(context, save);
        }
    }

    /// <summary>Whether our transaction is still open on the context (returning a pooled context to the pool ends it).</summary>
    private static bool IsCurrent(DbContext context, PendingSave save) =>
        save.OwnTransaction is not null && ReferenceEquals(context.Database.CurrentTransaction, save.OwnTransaction);

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var save))
        {
            return;
        }

        pending.Remove(context);
        try
        {
            if (IsCurrent(context, save))
            {
                await save.OwnTransaction!.RollbackAsync(CancellationToken.None);
            }
        }
        finally
        {
            await EndAsync(context, save);
        }
    }

    /// <summary>A save that never reported back (another interceptor threw before it ran): its transaction must not linger in a pooled context.</summary>
    private void DiscardStale(DbContext context) => Abandon(context);

    private Task DiscardStaleAsync(DbContext context) => AbandonAsync(context);

    private static void End(DbContext context, PendingSave save)
    {
        if (save.OwnTransaction is { } transaction)
        {
            context.SaveChangesFailed -= save.OnFailed;
            context.Database.AutoSavepointsEnabled = save.SavepointsWereEnabled;
            transaction.Dispose();
        }
    }

    private static async Task EndAsync(DbContext context, PendingSave save)
    {
        if (save.OwnTransaction is { } transaction)
        {
            context.SaveChangesFailed -= save.OnFailed;
            context.Database.AutoSavepointsEnabled = save.SavepointsWereEnabled;
            await transaction.DisposeAsync();
        }
    }

    private PendingSave? Collect(DbContext context)
    {
        // Entries() detects changes first, so this sees what SaveChanges is about to write.
        var all = context.ChangeTracker.Entries().ToList();
        var entries = all.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var save = new PendingSave(context, all);
        var owned = new List<EntityEntry>();
        var links = new List<EntityEntry>();
        var userRoles = new List<EntityEntry>();
        foreach (var entry in entries)
        {
            var type = entry.Metadata;
            if (type.IsOwned())
            {
                owned.Add(entry);
            }
            else if (IsLink(type))
            {
                links.Add(entry);
            }
            else if (entry.Entity is IdentityUserRole<string>)
            {
                userRoles.Add(entry);
            }
            else if (IsAudited(type))
            {
                var draft = save.DraftFor(entry);
                if (entry.State == EntityState.Modified)
                {
                    AddModified(draft, entry);
                }
                else if (entry.State == EntityState.Deleted)
                {
                    AddValues(draft.Changes, entry, old: true);
                }

                // Created: the values (with the ids the database gives) are read after the save.
            }
        }

        foreach (var group in owned.GroupBy(e => (Owner: save.Index.OwnerOf(e), Navigation: e.Metadata.FindOwnership()!.PrincipalToDependent!.Name)))
        {
            // A created or deleted owner lists its owned values with its own.
            if (group.Key.Owner is { State: EntityState.Modified or EntityState.Unchanged } owner && IsAudited(owner.Metadata))
            {
                AddOwnedChanges(save.DraftFor(owner), group.Key.Navigation, group.ToList());
            }
        }

        foreach (var link in links)
        {
            AddLink(save, link);
        }

        foreach (var userRole in userRoles)
        {
            AddUserRole(save, userRole);
        }

        var user = httpContextAccessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            save.UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            save.UserName = user.DisplayName();
        }

        return save;
    }

    private static bool IsAudited(IReadOnlyEntityType type) =>
        !type.IsOwned()
        && !type.HasSharedClrType
        && (typeof(Entity).IsAssignableFrom(type.ClrType) || AuditedTypes.Contains(type.ClrType));

    /// <summary>A many-to-many join row behind a skip navigation ("MilestoneFocusAreas").</summary>
    private static bool IsLink(IReadOnlyEntityType type) =>
        type.HasSharedClrType && type.GetForeignKeys().Any(fk => fk.GetReferencingSkipNavigations().Any());

    private static bool IsRecorded(EntityEntry entry, IProperty property)
    {
        if (entry.Entity is ApplicationUser)
        {
            return UserFields.Contains(property.Name);
        }

        // The concurrency version and the invitation sequence are bookkeeping that moves with real changes, not changes of their own.
        return property.Name is not (nameof(Entity.Version) or nameof(Milestone.EventSequence)) && !(property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never);
    }

    private static void AddModified(Draft draft, EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.IsModified && IsRecorded(entry, property.Metadata) && !Equals(property.OriginalValue, property.CurrentValue))
            {
                draft.Changes.Add(Change(property.Metadata, property.OriginalValue, property.CurrentValue));
            }
        }

        if (entry.Entity is ApplicationUser)
        {
            var hash = entry.Property(nameof(ApplicationUser.PasswordHash));
            if (hash.IsModified && !Equals(hash.OriginalValue, hash.CurrentValue))
            {
                draft.Changes.Add(new AuditChange("Password", null, null, AuditChange.Kinds.Secret));
            }
        }

        if (entry.Entity is Milestone)
        {
            var archived = entry.Property(nameof(Milestone.IsArchived));
            if (archived.OriginalValue is false && archived.CurrentValue is true)
            {
                draft.Action = AuditAction.Archived;
            }
        }
    }

    /// <summary>Every recorded value of a created (new values) or deleted (old values) entity, its owned values included.</summary>
    private static void AddValues(List<AuditChange> changes, EntityEntry entry, bool old)
    {
        foreach (var property in entry.Properties)
        {
            // A new entity's false flags are only defaults: "Archived: – → No" says nothing.
            var value = old ? property.OriginalValue : property.CurrentValue;
            if (value is not null and not false && IsRecorded(entry, property.Metadata))
            {
                changes.Add(old ? Change(property.Metadata, value, null) : Change(property.Metadata, null, value));
            }
        }

        if (!old && entry.Entity is ApplicationUser { PasswordHash: not null })
        {
            changes.Add(new AuditChange("Password", null, null, AuditChange.Kinds.Secret));
        }

        foreach (var reference in entry.References)
        {
            if (reference.Metadata.TargetEntityType.IsOwned() && reference.TargetEntry is { } ownedEntry)
            {
                foreach (var property in ownedEntry.Properties)
                {
                    var value = old ? property.OriginalValue : property.CurrentValue;
                    if (value is not null && !property.Metadata.IsKey())
                    {
                        var field = $"{reference.Metadata.Name}.{property.Metadata.Name}";
                        changes.Add(old ? Change(field, value, null) : Change(field, null, value));
                    }
                }
            }
        }
    }

    /// <summary>
    /// An owned value of an existing owner: replaced (EF tracks the old instance as deleted and the
    /// new one as added) or changed in place. Each field that differs becomes "Timing.Period: 1 → 2".
    /// </summary>
    private static void AddOwnedChanges(Draft draft, string navigation, IReadOnlyList<EntityEntry> owned)
    {
        var before = owned.FirstOrDefault(e => e.State == EntityState.Deleted);
        var after = owned.FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified);
        var properties = (after ?? before)!.Properties.Where(p => !p.Metadata.IsKey()).Select(p => p.Metadata.Name);
        foreach (var name in properties)
        {
            var oldValue = before is not null ? before.Property(name).OriginalValue
                : after!.State == EntityState.Modified ? after.Property(name).OriginalValue
                : null;
            var newValue = after?.Property(name).CurrentValue;
            if (!Equals(oldValue, newValue))
            {
                draft.Changes.Add(Change($"{navigation}.{name}", oldValue, newValue));
            }
        }
    }

    private static void AddLink(PendingSave save, EntityEntry link)
    {
        var (ownerKey, targetKey, field) = LinkShape(link.Metadata);
        var ownerValues = ownerKey.Properties.Select(p => link.Property(p.Name).CurrentValue).ToList();
        var owner = save.Index.Find(ownerKey.PrincipalEntityType, ownerValues);
        if (owner is not null && !IsAudited(owner.Metadata))
        {
            return;
        }

        var draft = owner is not null ? save.DraftFor(owner) : save.DraftFor(ownerKey.PrincipalEntityType, KeyText(ownerValues));
        var targetValues = targetKey.Properties.Select(p => link.Property(p.Name).CurrentValue).ToList();
        var target = save.Index.Find(targetKey.PrincipalEntityType, targetValues);
        var label = (target is null ? null : save.LabelOf(target)) ?? "#" + KeyText(targetValues);
        var changes = draft.LinksOf(field, owner);
        (link.State == EntityState.Deleted ? changes.Removed : changes.Added).Add(label);
    }

    /// <summary>Which foreign key of a join row points to the entity that declares the skip navigation, which to the target, and the navigation's name.</summary>
    private static (IReadOnlyForeignKey Owner, IReadOnlyForeignKey Target, string Field) LinkShape(IReadOnlyEntityType join)
    {
        // EF also gives the other side a hidden skip navigation ("Milestone" on FocusArea); the owner is the side with a real property.
        var keys = join.GetForeignKeys().ToList();
        var candidates = keys
            .SelectMany(key => key.GetReferencingSkipNavigations().Where(s => s.DeclaringEntityType.Name == key.PrincipalEntityType.Name).Select(s => (Key: key, Navigation: s)))
            .OrderBy(c => c.Navigation.PropertyInfo is null && c.Navigation.FieldInfo is null)
            .ToList();
        if (candidates.Count > 0)
        {
            var (key, navigation) = candidates[0];
            return (key, keys.First(k => k != key), navigation.Name);
        }

        throw new InvalidOperationException($"No skip navigation uses the join entity type '{join.DisplayName()}'.");
    }

    private static void AddUserRole(PendingSave save, EntityEntry userRole)
    {
        var link = (IdentityUserRole<string>)userRole.Entity;
        var user = save.Index.Find(typeof(ApplicationUser), link.UserId);
        var draft = user is not null ? save.DraftFor(user) : save.DraftFor(typeof(ApplicationUser), link.UserId);
        (userRole.State == EntityState.Deleted ? draft.RemovedRoles : draft.AddedRoles).Add(link.RoleId);
        if (save.Index.Find(typeof(IdentityRole), link.RoleId)?.Entity is IdentityRole { Name: { } name })
        {
            save.RoleNames[link.RoleId] = name;
        }
        else
        {
            save.UnknownRoleIds.Add(link.RoleId);
        }
    }

    private List<AuditEntry> Rows(PendingSave save)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var rows = new List<AuditEntry>(save.Drafts.Count);
        foreach (var draft in save.Drafts)
        {
            if (draft.Action == AuditAction.Created && draft.Entry is { } entry)
            {
                // Now the database has given the ids, and links to new principals carry their real keys.
                draft.EntityId = KeyText(entry);
                var values = new List<AuditChange>();
                AddValues(values, entry, old: false);
                draft.Changes.InsertRange(0, values);
            }

            rows.Add(new AuditEntry
            {
                AtUtc = at,
                UserId = save.UserId,
                UserName = Truncate(save.UserName, 256),
                EntityType = Truncate(draft.EntityType, 100)!,
                EntityId = Truncate(draft.EntityId ?? string.Empty, 100)!,
                Action = draft.Action,
                Changes = AuditChange.Serialize(draft.Changes),
                Label = Truncate(draft.Label, 300),
            });
        }

        return rows;
    }

    /// <summary>Multi-row INSERTs built from the model's own table and column names, so no provider's dialect is assumed.</summary>
    private static IEnumerable<(string Sql, object[] Parameters)> InsertCommands(DbContext context, List<AuditEntry> rows)
    {
        var entityType = context.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var properties = new[]
        {
            nameof(AuditEntry.AtUtc), nameof(AuditEntry.UserId), nameof(AuditEntry.UserName), nameof(AuditEntry.EntityType),
            nameof(AuditEntry.EntityId), nameof(AuditEntry.Action), nameof(AuditEntry.Changes), nameof(AuditEntry.Label),
        }.Select(name => entityType.FindProperty(name)!).ToList();
        var header = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";

        // Parameters made by each column's own type mapping: its value conversion (the action's name) and null handling.
        using var parameterFactory = context.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(RowsPerInsert))
        {
            var parameters = new List<object>(chunk.Length * properties.Count);
            var values = new List<string>(chunk.Length);
            foreach (var row in chunk)
            {
                var placeholders = new List<string>(properties.Count);
                foreach (var property in properties)
                {
                    placeholders.Add($"{{{parameters.Count}}}");
                    parameters.Add(property.GetRelationalTypeMapping().CreateParameter(
                        parameterFactory, $"audit{parameters.Count}", property.PropertyInfo!.GetValue(row), property.IsNullable));
                }

                values.Add($"({string.Join(", ", placeholders)})");
            }

            yield return (header + string.Join(", ", values), parameters.ToArray());
        }
    }

    /// <summary>A field's change; a foreign key's kind names what it refers to ("ref:ApplicationUser"), so the page can show a name, not an id.</summary>
    private static AuditChange Change(IProperty property, object? oldValue, object? newValue)
    {
        var change = Change(property.Name, oldValue, newValue);
        return property.GetContainingForeignKeys().FirstOrDefault(fk => fk.Properties.Count == 1 && !fk.IsOwnership) is { } foreignKey
            ? change with { Kind = AuditChange.Kinds.ReferencePrefix + foreignKey.PrincipalEntityType.ClrType.Name }
            : change;
    }

    private static AuditChange Change(string field, object? oldValue, object? newValue)
    {
        var (oldText, oldKind) = Text(oldValue);
        var (newText, newKind) = Text(newValue);
        return new AuditChange(field, oldText, newText, newKind ?? oldKind);
    }

    /// <summary>A value as invariant text, with its kind when the audit page must show it in the reader's language.</summary>
    private static (string? Text, string? Kind) Text(object? value) => value switch
    {
        null => (null, null),
        Enum enumValue => (enumValue.ToString(), AuditChange.Kinds.EnumPrefix + enumValue.GetType().Name),
        bool flag => (flag ? "true" : "false", AuditChange.Kinds.Boolean),
        DateOnly date => (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AuditChange.Kinds.Date),
        TimeOnly time => (time.ToString("HH:mm", CultureInfo.InvariantCulture), AuditChange.Kinds.Time),

        // Every DateTime the site stores is UTC (…AtUtc); the page shows it in Danish time.
        DateTime moment => (DateTime.SpecifyKind(moment, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), AuditChange.Kinds.Utc),
        DateTimeOffset moment => (moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), AuditChange.Kinds.Utc),
        IFormattable formattable => (formattable.ToString(null, CultureInfo.InvariantCulture), null),
        _ => (value.ToString(), null),
    };

    private static string KeyText(EntityEntry entry) =>
        KeyText(entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static string KeyText(IEnumerable<object?> values) =>
        string.Join(":", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>The changes of one save, gathered before it and written after it.</summary>
    private sealed class PendingSave(DbContext context, IReadOnlyList<EntityEntry> tracked)
    {
        private readonly Dictionary<object, Draft> drafts = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, Draft> untracked = [];
        private readonly Dictionary<object, string?> labels = new(ReferenceEqualityComparer.Instance);
        private EntryIndex? index;

        public List<Draft> Drafts { get; } = [];

        public EntryIndex Index => index ??= new EntryIndex(tracked);

        public Dictionary<string, string> RoleNames { get; } = [];

        public HashSet<string> UnknownRoleIds { get; } = [];

        public string? UserId { get; set; }

        public string UserName { get; set; } = SystemUserName;

        public IDbContextTransaction? OwnTransaction { get; set; }

        public bool SavepointsWereEnabled { get; set; }

        public EventHandler<SaveChangesFailedEventArgs>? OnFailed { get; set; }

        public Draft DraftFor(EntityEntry entry)
        {
            if (!drafts.TryGetValue(entry.Entity, out var draft))
            {
                var action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                };
                draft = new Draft(entry.Metadata.ClrType.Name, action)
                {
                    Entry = entry,
                    EntityId = entry.State == EntityState.Added ? null : KeyText(entry),
                    Label = LabelOf(entry),
                };
                drafts.Add(entry.Entity, draft);
                Drafts.Add(draft);
            }

            return draft;
        }

        /// <summary>The draft of an entity that is not loaded (a link was added by key only).</summary>
        public Draft DraftFor(IReadOnlyEntityType type, string key) => DraftFor(type.ClrType, key);

        public Draft DraftFor(Type type, string key)
        {
            var name = type.Name;
            if (!untracked.TryGetValue($"{name}#{key}", out var draft))
            {
                draft = new Draft(name, AuditAction.Updated) { EntityId = key };
                untracked.Add($"{name}#{key}", draft);
                Drafts.Add(draft);
            }

            return draft;
        }

        public void AddRoleNames(IEnumerable<(string Id, string? Name)> roles)
        {
            foreach (var (id, name) in roles)
            {
                RoleNames[id] = name ?? id;
            }
        }

        /// <summary>Turns links and roles into field changes and drops updates that changed nothing recorded.</summary>
        public void Finish()
        {
            foreach (var draft in Drafts)
            {
                foreach (var (field, links) in draft.Links)
                {
                    draft.Changes.Add(LinkChange(draft, field, links));
                }

                if (draft.RemovedRoles.Count > 0 || draft.AddedRoles.Count > 0)
                {
                    draft.Changes.Add(new AuditChange(
                        "Role",
                        draft.RemovedRoles.Count == 0 ? null : string.Join(", ", draft.RemovedRoles.Select(RoleName)),
                        draft.AddedRoles.Count == 0 ? null : string.Join(", ", draft.AddedRoles.Select(RoleName)),
                        AuditChange.Kinds.Role));
                }
            }

            Drafts.RemoveAll(d => (d.Action is AuditAction.Updated or AuditAction.Archived) && d.Changes.Count == 0);
        }

        public string? LabelOf(EntityEntry entry)
        {
            if (!labels.TryGetValue(entry.Entity, out var label))
            {
                label = entry.Entity switch
                {
                    ApplicationUser user => user.FullName,
                    // Keys are read from the entry, not the object: a principal added in the same save has a temporary key only the entry holds.
                    MilestoneStakeholder => Joined(LabelOf(typeof(Milestone), entry, nameof(MilestoneStakeholder.MilestoneId)), LabelOf(typeof(Stakeholder), entry, nameof(MilestoneStakeholder.StakeholderId))),
                    MilestoneStatusUpdate => LabelOf(typeof(Milestone), entry, nameof(MilestoneStatusUpdate.MilestoneId)),
                    MilestoneTask task => Joined(task.Title, LabelOf(typeof(Milestone), entry, nameof(MilestoneTask.MilestoneId))),
                    BudgetAmount amount => Joined(LabelOf(typeof(BudgetInitiative), entry, nameof(BudgetAmount.BudgetInitiativeId)), amount.Year.ToString(CultureInfo.InvariantCulture)),
                    CommitteeMeeting meeting => Joined(LabelOf(typeof(Committee), entry, nameof(CommitteeMeeting.CommitteeId)), meeting.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    _ => LabelProperties.Select(name => entry.Metadata.FindProperty(name)).Where(p => p?.ClrType == typeof(string))
                        .Select(p => entry.Property(p!.Name).CurrentValue as string).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)),
                };
                labels[entry.Entity] = label;
            }

            return label;
        }

        private static string? Joined(string? first, string? second) =>
            first is null ? second : second is null ? first : $"{first} – {second}";

        private string? LabelOf(Type type, EntityEntry dependent, string foreignKey) =>
            dependent.Property(foreignKey).CurrentValue is { } key && Index.Find(type, key) is { } entry ? LabelOf(entry) : null;

        private string RoleName(string roleId) => RoleNames.GetValueOrDefault(roleId, roleId);

        /// <summary>
        /// "FocusAreas: A; B → A; C" when the owner's whole collection is known (it was loaded, or the
        /// owner is new); otherwise only what was removed and what was added.
        /// </summary>
        private AuditChange LinkChange(Draft draft, string field, LinkChanges links)
        {
            var comparer = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), ignoreCase: true);
            string? Listed(IEnumerable<string> labels) => labels.Any() ? string.Join("; ", labels.Order(comparer)) : null;

            if (draft.Action == AuditAction.Created)
            {
                return new AuditChange(field, null, Listed(links.Added));
            }

            if (draft.Action == AuditAction.Deleted)
            {
                return new AuditChange(field, Listed(links.Removed), null);
            }

            var collection = links.Owner?.Navigations.FirstOrDefault(n => n.Metadata.Name == field) as CollectionEntry;
            if (collection is { IsLoaded: true, CurrentValue: { } items })
            {
                var current = items.Cast<object>().Select(item => LabelOf(context.Entry(item)) ?? "#" + KeyText(context.Entry(item))).ToList();
                var previous = current.Except(links.Added).Concat(links.Removed).Distinct().ToList();
                return new AuditChange(field, Listed(previous) ?? "–", Listed(current) ?? "–");
            }

            return new AuditChange(field, Listed(links.Removed), Listed(links.Added));
        }
    }

    private sealed class Draft(string entityType, AuditAction action)
    {
        public string EntityType { get; } = entityType;

        public AuditAction Action { get; set; } = action;

        /// <summary>The audited entry; null for an entity known only by its key.</summary>
        public EntityEntry? Entry { get; init; }

        /// <summary>Null until the save for a created entity.</summary>
        public string? EntityId { get; set; }

        public string? Label { get; init; }

        public List<AuditChange> Changes { get; } = [];

        public Dictionary<string, LinkChanges> Links { get; } = [];

        public List<string> RemovedRoles { get; } = [];

        public List<string> AddedRoles { get; } = [];

        public LinkChanges LinksOf(string field, EntityEntry? owner)
        {
            if (!Links.TryGetValue(field, out var links))
            {
                links = new LinkChanges(owner);
                Links.Add(field, links);
            }

            return links;
        }
    }

    private sealed record LinkChanges(EntityEntry? Owner)
    {
        public List<string> Added { get; } = [];

        public List<string> Removed { get; } = [];
    }

    /// <summary>The tracked entities by type and key, built only when a link, role or label needs to find one.</summary>
    private sealed class EntryIndex
    {
        private readonly Dictionary<(string Type, string Key), EntityEntry> entries = [];

        public EntryIndex(IEnumerable<EntityEntry> tracked)
        {
            foreach (var entry in tracked)
            {
                if (!entry.Metadata.IsOwned() && !entry.Metadata.HasSharedClrType && entry.Metadata.FindPrimaryKey() is not null)
                {
                    entries.TryAdd((entry.Metadata.Name, KeyText(entry)), entry);
                }
            }
        }

        public EntityEntry? Find(IReadOnlyEntityType type, IEnumerable<object?> key) =>
            entries.GetValueOrDefault((type.Name, KeyText(key)));

        public EntityEntry? Find(Type type, object key) =>
            entries.GetValueOrDefault((type.FullName!, KeyText([key])));

        public EntityEntry? OwnerOf(EntityEntry owned)
        {
            var ownership = owned.Metadata.FindOwnership()!;
            return Find(ownership.PrincipalEntityType, ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue));
        }
    }
}
