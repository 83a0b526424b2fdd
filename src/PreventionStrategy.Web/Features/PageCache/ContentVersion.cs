namespace PreventionStrategy.Web.Features.PageCache;

/// <summary>
/// One row whose <see cref="Value"/> goes up with every write to the site's content, bumped by
/// triggers inside the database (<see cref="ContentVersionTriggers"/>): saves through EF Core,
/// bulk updates, another server on the same database and a hand-made fix with the sqlite3 shell
/// all move it, so a cached page can never outlive the data it was drawn from.
/// </summary>
public sealed class ContentVersion
{
    public const int SingleRowId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
