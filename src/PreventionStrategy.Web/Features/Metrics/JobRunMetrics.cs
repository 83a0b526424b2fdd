using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;

namespace PreventionStrategy.Web.Features.Metrics;

/// <summary>Times every background job run and records it with the job's class and how it ended.</summary>
public sealed class JobRunMetrics : JobFilterAttribute, IServerFilter
{
    private const string StartedKey = "metrics-started";

    /// <summary>Hangfire's filters are process-wide; the tests start many hosts in one process, so it is added once.</summary>
    public static void Register()
    {
        lock (GlobalJobFilters.Filters)
        {
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobRunMetrics))
            {
                GlobalJobFilters.Filters.Add(new JobRunMetrics());
            }
        }
    }

    public void OnPerforming(PerformingContext context) => context.Items[StartedKey] = Stopwatch.GetTimestamp();

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            var outcome = context.Exception switch
            {
                null => "succeeded",
                OperationCanceledException => "canceled",
                _ when context.Canceled => "canceled",
                _ => "failed",
            };
            SiteMeter.JobRan(context.BackgroundJob.Job?.Type.Name ?? "unknown", outcome, Stopwatch.GetElapsedTime(timestamp));
        }
    }
}
