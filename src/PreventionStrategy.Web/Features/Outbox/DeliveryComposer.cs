using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Digest;
using PreventionStrategy.Web.Features.Identity.Users;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>
/// Turns a batch of deliveries into messages. Everything is re-read when sending, not when
/// planning, so a message reflects the plan as it is now; all a batch needs is loaded in a few
/// queries, however large the batch.
/// </summary>
public sealed class DeliveryComposer(AppDbContext db, AccountMessages accounts, EventMessages events, EventCancellations cancellations, UpdateRequestMessages updateRequests, IndicatorRequestMessages indicatorRequests, BriefingMessages briefingMessages, DigestMessages digestMessages, Display show, TimeProvider clock, Microsoft.Extensions.Options.IOptions<DigestOptions> digestOptions, Microsoft.Extensions.Options.IOptions<MilestoneOptions> milestoneOptions, ILogger<DeliveryComposer> logger)
{
    public async Task<IReadOnlyDictionary<long, Composition>> ComposeAsync(IReadOnlyList<Delivery> batch, CancellationToken cancellationToken)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();

        var emails = batch.Select(d => OptOuts.Normalize(d.RecipientEmail)).Distinct().ToList();
        var optedOut = await db.ReminderOptOuts.AsNoTracking().Where(o => emails.Contains(o.Email))
            .ToDictionaryAsync(o => o.Email, o => o.AlsoInvitationChanges, cancellationToken);
        var preferences = await MailPreferences.ForAsync(db, emails, cancellationToken);

        var milestoneIds = batch.Where(d => d.MilestoneId != null).Select(d => d.MilestoneId!.Value).Distinct().ToList();
        var milestones = milestoneIds.Count == 0 ? [] : await db.Milestones.IgnoreQueryFilters().AsNoTracking()
            .Include(m => m.Strategy)
            .Include(m => m.Owner)
            .Include(m => m.Stakeholders)
            .AsSplitQuery()
            .Where(m => milestoneIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var invitations = await HeldInvitations.ForBatchAsync(db, batch, milestones, cancellationToken);

        var meetingIds = batch.Where(d => d.CommitteeMeetingId != null).Select(d => d.CommitteeMeetingId!.Value).Distinct().ToList();
        var meetings = meetingIds.Count == 0 ? [] : await db.CommitteeMeetings.AsNoTracking()
            .Include(m => m.Committee)
            .Where(m => meetingIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var owned = await OpenMilestonesByOwnerAsync(batch, meetings.Values, cancellationToken);
        var dueIndicators = await DueIndicatorsAsync(batch, meetings, cancellationToken);

        var briefingIds = batch.Where(d => d.CommitteeBriefingId != null).Select(d => d.CommitteeBriefingId!.Value).Distinct().ToList();
        var briefings = briefingIds.Count == 0 ? [] : await db.CommitteeBriefings.AsNoTracking()
            .Where(b => briefingIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, cancellationToken);

        // The digest says what is true now: a milestone updated since planning is left out, and nothing left means no message.
        var digestEmails = batch.Where(d => d.Kind == DeliveryKind.Digest).Select(d => OptOuts.Normalize(d.RecipientEmail)).ToHashSet();
        IReadOnlyDictionary<string, DigestContent> digests = digestEmails.Count == 0
            ? new Dictionary<string, DigestContent>()
            : await DigestContents.ForAsync(db, today, nowUtc, milestoneOptions.Value.StaleAfterWeeks, digestOptions.Value.EventWeeks, digestEmails, cancellationToken);

        // Account mail (invitations, password resets) is not a reminder: opting out does not stop it.
        var result = await accounts.ComposeAsync(batch, cancellationToken);
        foreach (var delivery in batch.Where(d => !AccountMessages.IsAccountMail(d.Kind)))
        {
            try
            {
                result[delivery.Id] = Compose(delivery);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or UriFormatException)
            {
                // One malformed message must not hold up the rest of the batch.
                logger.LogError(ex, "Delivery {DeliveryId} could not be composed", delivery.Id);
                result[delivery.Id] = Composition.Fail($"Beskeden kunne ikke dannes: {ex.Message}");
            }
        }

        return result;

        // The committee's briefing is its meeting material, not a reminder: opting out of reminders does not stop it.
        Composition Compose(Delivery delivery) => Declined(delivery) is { } declined
            ? Composition.Skip(declined)
            : delivery.Kind == DeliveryKind.Digest
            ? digestMessages.Compose(delivery, digests.GetValueOrDefault(OptOuts.Normalize(delivery.RecipientEmail)))
            : delivery.Kind == DeliveryKind.Briefing
            ? briefingMessages.Compose(delivery, briefings.GetValueOrDefault(delivery.CommitteeBriefingId ?? 0))
            : OptOuts.Stops(delivery.Kind, optedOut.TryGetValue(OptOuts.Normalize(delivery.RecipientEmail), out var alsoChanges) ? alsoChanges : null)
                ? Composition.Skip("Modtageren har frameldt påmindelser.")
                : delivery.Kind switch
                {
                    DeliveryKind.EventCancellation => cancellations.Compose(
                        delivery,
                        milestones.GetValueOrDefault(delivery.MilestoneId ?? 0),
                        invitations.Held(delivery),
                        invitations.StillInvited(delivery),
                        nowUtc),
                    DeliveryKind.UpdateRequest or DeliveryKind.UpdateRequestFollowUp => updateRequests.Compose(
                        delivery,
                        meetings.GetValueOrDefault(delivery.CommitteeMeetingId ?? 0),
                        owned.TryGetValue((delivery.UserId ?? string.Empty, meetings.GetValueOrDefault(delivery.CommitteeMeetingId ?? 0)?.CommitteeId ?? 0), out var list) ? list : [],
                        today),
                    DeliveryKind.IndicatorRequest => indicatorRequests.Compose(
                        delivery,
                        meetings.GetValueOrDefault(delivery.CommitteeMeetingId ?? 0),
                        dueIndicators.GetValueOrDefault((delivery.UserId ?? string.Empty, delivery.CommitteeMeetingId ?? 0)) ?? [],
                        today),
                    _ => events.Compose(delivery, milestones.GetValueOrDefault(delivery.MilestoneId ?? 0), invitations.Held(delivery), invitations.StillInvited(delivery), nowUtc),
                };

        // The person's choice for this kind of message, read now: a choice made after planning still holds.
        string? Declined(Delivery delivery) =>
            MailLists.Of(delivery.Kind) is { } list
            && preferences.TryGetValue((OptOuts.Normalize(delivery.RecipientEmail), list), out var choice)
            && !MailLists.SendsOnItsOwn(delivery.Kind, choice)
                ? choice == MailChoice.InDigest ? "Modtageren får den slags i ugens sammendrag." : "Modtageren har fravalgt den slags e-mails."
                : null;
    }

    /// <summary>What each indicator owner in the batch still has to report for their meeting, re-read now.</summary>
    private async Task<Dictionary<(string OwnerId, int MeetingId), IReadOnlyList<DueIndicator>>> DueIndicatorsAsync(
        IReadOnlyList<Delivery> batch, IReadOnlyDictionary<int, CommitteeMeeting> meetings, CancellationToken cancellationToken)
    {
        var requests = batch.Where(d => d.Kind == DeliveryKind.IndicatorRequest && d.UserId != null && meetings.ContainsKey(d.CommitteeMeetingId ?? 0)).ToList();
        if (requests.Count == 0)
        {
            return [];
        }

        var asked = requests.Select(d => meetings[d.CommitteeMeetingId!.Value]).DistinctBy(m => m.Id).ToList();
        var due = await IndicatorRequestPlanner.DueByOwnerAsync(db, asked.Select(m => (m.CommitteeId, m.BriefingDeadline)).ToList(), cancellationToken, requests.Select(d => d.UserId!).ToHashSet());
        return requests.ToDictionary(
            d => (d.UserId!, d.CommitteeMeetingId!.Value),
            d => (IReadOnlyList<DueIndicator>)(due.FirstOrDefault(o => o.UserId == d.UserId && o.CommitteeId == meetings[d.CommitteeMeetingId!.Value].CommitteeId && o.Deadline == meetings[d.CommitteeMeetingId!.Value].BriefingDeadline)?.Indicators ?? []));
    }

    private async Task<Dictionary<(string OwnerId, int CommitteeId), List<OpenMilestone>>> OpenMilestonesByOwnerAsync(
        IReadOnlyList<Delivery> batch, IEnumerable<CommitteeMeeting> meetings, CancellationToken cancellationToken)
    {
        var ownerIds = batch.Where(d => d.UserId != null).Select(d => d.UserId!).Distinct().ToList();
        var committeeIds = meetings.Select(m => m.CommitteeId).Distinct().ToList();
        if (ownerIds.Count == 0 || committeeIds.Count == 0)
        {
            return [];
        }

        var rows = await db.Milestones.AsNoTracking()
            .Where(m => m.OwnerId != null && ownerIds.Contains(m.OwnerId)
                && m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled
                && m.Strategy!.CommitteeId != null && committeeIds.Contains(m.Strategy.CommitteeId.Value))
            .OrderBy(m => m.Timing.End).ThenBy(m => m.Title)
            .Select(m => new { m.OwnerId, CommitteeId = m.Strategy!.CommitteeId!.Value, m.Id, m.Title, m.Timing, m.Status, m.LastStatusUpdateAtUtc })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.OwnerId!, r.CommitteeId))
            .ToDictionary(g => g.Key, g => g.Select(r => new OpenMilestone(r.Id, r.Title, show.Timing(r.Timing), show.Enum(r.Status), r.LastStatusUpdateAtUtc)).ToList());
    }
}
