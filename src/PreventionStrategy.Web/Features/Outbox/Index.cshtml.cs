using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>
/// Every email the site has planned, with its state and the server's reason when it failed;
/// administrators can send a failed one again and start the reminder job now. Three SQL commands
/// whatever the size of the outbox: the counts by state, the filtered count and the page.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock, IStringLocalizer<SharedResource> localizer, Display show, ClaimHolders holders) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public OutboxFilter Filter { get; set; } = new();

    public IReadOnlyList<Delivery> Rows { get; private set; } = [];

    public IReadOnlyDictionary<DeliveryState, int> CountsByState { get; private set; } = new Dictionary<DeliveryState, int>();

    public int TotalCount { get; private set; }

    private HashSet<string> goneHolders = [];

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FilterValues.DropInvalid(ModelState);

        Filter.PageNumber = Math.Max(1, Filter.PageNumber);
        CountsByState = await db.Deliveries.GroupBy(d => d.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var filtered = Filter.Apply(db.Deliveries.AsNoTracking());
        TotalCount = await filtered.CountAsync(cancellationToken);
        Rows = await filtered
            .OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id)
            .Skip(Paging.Offset(Filter.PageNumber, PageSize)).Take(PageSize)
            .ToListAsync(cancellationToken);
        goneHolders = holders.Gone(Rows.Where(r => r.State == DeliveryState.Pending && r.ClaimedBy is not null).Select(r => r.ClaimedBy!).Distinct().ToList()).ToHashSet();
    }

    /// <summary>
    /// Why a pending email has not gone yet and when it will: held by a run that is sending it (or
    /// died while it did, until the claim is released), or waiting for its retry or its time.
    /// </summary>
    public string? PendingNote(Delivery row)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (row.State != DeliveryState.Pending)
        {
            return null;
        }

        if (row.ClaimedUntilUtc is { } until && until >= now)
        {
            var holder = row.ClaimedBy ?? "?";
            return goneHolders.Contains(holder)
                ? localizer["Outbox.ClaimLost", holder]
                : localizer["Outbox.Claimed", holder, show.DateTime(DanishTime.FromUtc(until))];
        }

        if (row.Attempts > 0)
        {
            return localizer["Outbox.NextAttempt", show.DateTime(DanishTime.FromUtc(row.NextAttemptAtUtc))];
        }

        return row.NextAttemptAtUtc > now ? localizer["Outbox.Due", show.DateTime(DanishTime.FromUtc(row.NextAttemptAtUtc))].Value : null;
    }

    /// <summary>Starts the reminder job at once instead of at its next scheduled run.</summary>
    public IActionResult OnPostRun()
    {
        jobs.Enqueue<ReminderJob>(job => job.RunAsync(CancellationToken.None));
        Message = localizer["Outbox.RunStarted"];
        return RedirectToPage(Filter.RouteValues());
    }

    /// <summary>Puts a failed delivery back in the queue as if new, and starts sending.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Deliveries
            .Where(d => d.Id == id && d.State == DeliveryState.Failed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.State, DeliveryState.Pending)
                    .SetProperty(d => d.Attempts, 0)
                    .SetProperty(d => d.NextAttemptAtUtc, now)
                    .SetProperty(d => d.ClaimToken, (Guid?)null)
                    .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(d => d.ClaimedBy, (string?)null),
                cancellationToken);
        if (changed == 0)
        {
            Message = localizer["Outbox.RetryNotFailed"];
            return RedirectToPage(Filter.RouteValues());
        }

        jobs.Enqueue<ReminderJob>(job => job.SendPendingAsync(CancellationToken.None));
        Message = localizer["Outbox.RetryQueued"];
        return RedirectToPage(Filter.RouteValues());
    }
}
