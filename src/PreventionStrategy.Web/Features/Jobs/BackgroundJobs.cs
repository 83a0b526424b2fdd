using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Backups;
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

        // The storage is this host's own service, not Hangfire's static JobStorage.Current: two hosts in one
        // process (the tests start many) must not enqueue into each other's queues.
        // On the PostgreSQL provider the jobs share the site's database (schema "hangfire") unless ConnectionStrings:Jobs names another.
        var postgres = configuration.GetConnectionString("Jobs");
        if (string.IsNullOrWhiteSpace(postgres) && DatabaseProvider.IsPostgreSql(configuration))
        {
            postgres = configuration.GetConnectionString("Default");
        }

        services.AddSingleton<JobStorage>(_ => string.IsNullOrWhiteSpace(postgres)
            ? new InMemoryStorage()
            : PostgreSqlSpecifics.JobStorage(postgres));
        // Also this host's own: Hangfire's default registration reads the static JobActivator.Current when it is
        // first asked for, which is whichever host configured Hangfire last; a job would then run on another
        // host's services and database (seen in the browser tests, which run several sites at once).
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        if (configuration.GetSection(JobOptions.Section).GetValue(nameof(JobOptions.ServerEnabled), defaultValue: true))
        {
            services.AddHangfireServer((sp, server) =>
            {
                // This host's services, not Hangfire's static JobActivator.Current (the last host configured in the process).
                server.Activator = sp.GetRequiredService<JobActivator>();
                server.WorkerCount = sp.GetRequiredService<IOptions<JobOptions>>().Value.WorkerCount;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
    }

    public static void UseBackgroundJobs(this WebApplication app)
    {
        // Applies the serializer settings above; Hangfire otherwise does this only when it builds its own storage.
        _ = app.Services.GetRequiredService<IGlobalConfiguration>();
        var interval = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.IntervalMinutes;
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReminderJob>(
            ReminderJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            $"*/{interval} * * * *",
            new RecurringJobOptions { TimeZone = DanishTime.Zone });

        var backups = app.Services.GetRequiredService<IOptions<BackupOptions>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        // The scheduled copy is SQLite's online backup; PostgreSQL is backed up with pg_dump outside the site.
        if (string.IsNullOrWhiteSpace(backups.Folder) || DatabaseProvider.IsPostgreSql(app.Configuration))
        {
            recurring.RemoveIfExists(BackupJob.RecurringJobId);
        }
        else
        {
            recurring.AddOrUpdate<BackupJob>(BackupJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), $"0 {backups.Hour} * * *", new RecurringJobOptions { TimeZone = DanishTime.Zone });
        }

        // Administrators only, by the site's own policy; Hangfire's default (local requests only) is replaced, not added to.
        app.MapHangfireDashboardWithAuthorizationPolicy(
            Policies.Administrator,
            DashboardPath,
            new DashboardOptions { Authorization = [], AppPath = "/Outbox", DashboardTitle = "Baggrundsjob", DisplayStorageConnectionString = false },
            app.Services.GetRequiredService<JobStorage>());
    }
}
