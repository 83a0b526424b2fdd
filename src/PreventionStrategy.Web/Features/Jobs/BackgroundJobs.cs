using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Jobs;

/// <summary>
/// Hangfire: in memory by default, PostgreSQL when <c>ConnectionStrings:Jobs</c> is set (several
/// servers then share one queue). The job store only says when to run; what is due lives in the
/// site's database, so losing the in-memory store on restart loses nothing.
/// </summary>
public static class BackgroundJobs
{
    public const string DashboardPath = "/hangfire";

    public static void AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var postgres = configuration.GetConnectionString("Jobs");
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (string.IsNullOrWhiteSpace(postgres))
            {
                config.UseInMemoryStorage();
            }
            else
            {
                config.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(postgres));
            }
        });

        if (configuration.GetSection(JobOptions.Section).GetValue(nameof(JobOptions.ServerEnabled), defaultValue: true))
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = sp.GetRequiredService<IOptions<JobOptions>>().Value.WorkerCount;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
    }

    public static void UseBackgroundJobs(this WebApplication app)
    {
        var interval = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.IntervalMinutes;
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReminderJob>(
            ReminderJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            $"*/{interval} * * * *",
            new RecurringJobOptions { TimeZone = DanishTime.Zone });

        // Administrators only, by the site's own policy; Hangfire's default (local requests only) is replaced, not added to.
        app.MapHangfireDashboardWithAuthorizationPolicy(
            Policies.Administrator,
            DashboardPath,
            new DashboardOptions { Authorization = [], AppPath = "/Outbox", DashboardTitle = "Baggrundsjob", DisplayStorageConnectionString = false });
    }
}
