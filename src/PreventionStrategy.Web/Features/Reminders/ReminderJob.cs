using System.ComponentModel;
using Hangfire;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Digest;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Reminders;

public sealed record ReminderRunReport(int Planned, SendReport Sending);

/// <summary>
/// The recurring job: plan what is due, then send what is pending. It takes no arguments and keeps
/// no state: everything is re-read from the database, so Hangfire may run it twice, late, or on
/// two servers, and a lost in-memory job store loses nothing.
/// </summary>
public sealed class ReminderJob(ReminderPlanner reminders, UpdateRequestPlanner updateRequests, IndicatorRequestPlanner indicatorRequests, BriefingPlanner briefings, DigestPlanner digests, DeliverySender sender)
{
    public const string RecurringJobId = "reminders";

    [DisplayName("Påmindelser, opdateringsanmodninger og udvalgsorienteringer")]
    [AutomaticRetry(Attempts = 3)]
    public async Task<ReminderRunReport> RunAsync(CancellationToken cancellationToken)
    {
        using var _ = DanishCulture.Use();
        var planned = await PlanAsync(cancellationToken);
        return new ReminderRunReport(planned, await sender.SendDueAsync(cancellationToken));
    }

    /// <summary>Only records what is due, sending nothing: lets tests stop the site between the two halves.</summary>
    public async Task<int> PlanAsync(CancellationToken cancellationToken) =>
        await reminders.PlanAsync(cancellationToken) + await updateRequests.PlanAsync(cancellationToken)
        + await indicatorRequests.PlanAsync(cancellationToken) + await briefings.PlanAsync(cancellationToken)
        + await digests.PlanAsync(cancellationToken);

    [DisplayName("Send ventende e-mails")]
    [AutomaticRetry(Attempts = 3)]
    public async Task<SendReport> SendPendingAsync(CancellationToken cancellationToken)
    {
        using var _ = DanishCulture.Use();
        return await sender.SendDueAsync(cancellationToken);
    }
}
