using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Digest;

/// <summary>
/// From the configured day and hour of each ISO week, records one digest per person with something
/// to say. The key names the week and the address, so running twice, late, or on two servers still
/// gives one digest per person per week; a week missed entirely (the site down all week) is not sent later.
/// </summary>
public sealed class DigestPlanner(AppDbContext db, DeliveryQueue queue, TimeProvider clock, IOptions<DigestOptions> options, IOptions<MilestoneOptions> milestoneOptions)
{
    public static string Key(string week, string email) => $"digest:{week}:{OptOuts.Normalize(email)}";

    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        if (!settings.Enabled || DigestWeek.DueUtc(clock.Now(), settings) > nowUtc)
        {
            return 0;
        }

        var today = clock.Today();
        var week = DigestWeek.Name(today);
        var contents = await DigestContents.ForAsync(db, today, nowUtc, milestoneOptions.Value.StaleAfterWeeks, settings.EventWeeks, null, cancellationToken);
        var off = await MailPreferences.ForAsync(db, contents.Keys.ToList(), cancellationToken);
        var planned = contents.Values
            .Where(c => !c.IsEmpty && !(off.TryGetValue((c.Email, MailList.Digest), out var choice) && choice == MailChoice.Never))
            .Select(c => new Delivery
            {
                Key = Key(week, c.Email),
                Kind = DeliveryKind.Digest,
                RecipientEmail = c.Email,
                RecipientName = c.Name,
                CreatedAtUtc = nowUtc,
                NextAttemptAtUtc = nowUtc,
            })
            .ToList();
        return await queue.AddAsync(planned, cancellationToken);
    }
}
