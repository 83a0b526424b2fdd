using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>
/// "Siden sidste møde": the current plan against the snapshot of the latest meeting, or any two snapshots chosen.
/// For everyone who reads the plan, the committee above all. Reads the snapshot list, at most two documents,
/// and for the current plan the same queries a snapshot is made with.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class SinceLastMeetingModel(AppDbContext db, SnapshotBuilder builder, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The earlier snapshot; empty: the latest.</summary>
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    /// <summary>The later snapshot; empty: the current plan.</summary>
    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public StrategyHeading Strategy { get; private set; } = null!;

    public IReadOnlyList<SnapshotChoice> Snapshots { get; private set; } = [];

    public SnapshotChoice? Earlier { get; private set; }

    /// <summary>Null when the later side is the current plan.</summary>
    public SnapshotChoice? Later { get; private set; }

    public IReadOnlyList<SnapshotChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var strategy = await CurrentStrategy.FindAsync(db, id, cancellationToken);
        if (strategy is null)
        {
            return id is null ? RedirectToPage("/Index") : NotFound();
        }

        Strategy = strategy;

        // A query string that did not bind (from=abc) is said, then ignored like an empty choice.
        foreach (var key in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
        {
            ModelState.Remove(key);
            ModelState.AddModelError(key, localizer["SinceLastMeeting.UnknownSnapshot"]);
        }

        Snapshots = await db.StrategySnapshots.AsNoTracking()
            .Where(s => s.StrategyId == strategy.Id)
            .OrderByDescending(s => s.MeetingDate).ThenByDescending(s => s.Id)
            .Select(s => new SnapshotChoice(s.Id, s.MeetingDate, s.TakenAtUtc))
            .ToListAsync(cancellationToken);

        Earlier = Choose(From, nameof(From)) ?? Snapshots.FirstOrDefault();
        Later = Choose(To, nameof(To));
        if (Earlier is null)
        {
            return Page();
        }

        var ids = new[] { Earlier.Id, Later?.Id ?? Earlier.Id };
        var documents = await db.StrategySnapshots.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Document, cancellationToken);
        var after = Later is null ? await builder.BuildAsync(strategy.Id, null, cancellationToken) : SnapshotDocument.Read(documents[Later.Id]);
        Changes = SnapshotComparison.Compare(SnapshotDocument.Read(documents[Earlier.Id]), after);
        return Page();
    }

    private SnapshotChoice? Choose(int? id, string field)
    {
        if (id is null)
        {
            return null;
        }

        var found = Snapshots.FirstOrDefault(s => s.Id == id);
        if (found is null)
        {
            ModelState.AddModelError(field, localizer["SinceLastMeeting.UnknownSnapshot"]);
        }

        return found;
    }
}

public sealed record SnapshotChoice(int Id, DateOnly MeetingDate, DateTime TakenAtUtc);
