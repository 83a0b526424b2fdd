using System.Diagnostics.Metrics;

namespace PreventionStrategy.Web.Features.Metrics;

/// <summary>
/// The site's own instruments. Process-wide, as a scrape is per process: Hangfire's job filters are global
/// and the PDF renderer is static, so the instruments cannot live in one host's container. Recording
/// costs nothing when no exporter listens (metrics off).
/// </summary>
public static class SiteMeter
{
    public const string Name = "PreventionStrategy.Web";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> DeliveriesSent = Meter.CreateCounter<long>(
        "preventionstrategy.deliveries.sent", "{message}", "Emails handed to the SMTP server.");

    private static readonly Counter<long> DeliveriesFailed = Meter.CreateCounter<long>(
        "preventionstrategy.deliveries.failed", "{message}", "Emails given up for good (rejected, broken or out of attempts).");

    private static readonly Counter<long> DeliveriesRetrying = Meter.CreateCounter<long>(
        "preventionstrategy.deliveries.retrying", "{message}", "Send attempts that failed and will be tried again later.");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "preventionstrategy.job.duration", "s", "Background job runs, by job and outcome.");

    private static readonly Histogram<double> BriefingRenderDuration = Meter.CreateHistogram<double>(
        "preventionstrategy.briefing.render.duration", "s", "Time to draw a committee briefing PDF.");

    public static void DeliverySent(string kind) => DeliveriesSent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void DeliveryFailed(string kind) => DeliveriesFailed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void DeliveryRetrying(string kind) => DeliveriesRetrying.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void JobRan(string job, string outcome, TimeSpan duration) =>
        JobDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));

    public static void BriefingRendered(TimeSpan duration) => BriefingRenderDuration.Record(duration.TotalSeconds);
}
