namespace PreventionStrategy.Web.Data;

/// <summary>
/// Base for everything administrators edit. <see cref="Version"/> is the optimistic concurrency
/// token: SQLite has no rowversion, so <see cref="AppDbContext"/> bumps it on every save and a
/// stale form (carrying the old value) is refused instead of overwriting someone else's edit.
/// </summary>
public abstract class Entity
{
    public int Id { get; set; }

    public int Version { get; set; }
}
