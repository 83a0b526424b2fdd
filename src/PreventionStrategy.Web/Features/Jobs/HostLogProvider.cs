using Hangfire.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace PreventionStrategy.Web.Features.Jobs;

/// <summary>
/// Hangfire's log goes to the site's logging. Hangfire keeps its log provider in a static, so with
/// several hosts in one process (the tests) it may outlive the host whose logging it uses; a
/// logger asked of a disposed factory then stays silent instead of failing the caller (creating a
/// job, rendering the outbox).
/// </summary>
public sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new SiteLog(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class SiteLog(ILogger logger) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string> messageFunc, Exception exception)
        {
            var level = logLevel switch
            {
                HangfireLevel.Trace => MsLogLevel.Trace,
                HangfireLevel.Debug => MsLogLevel.Debug,
                HangfireLevel.Info => MsLogLevel.Information,
                HangfireLevel.Warn => MsLogLevel.Warning,
                HangfireLevel.Error => MsLogLevel.Error,
                _ => MsLogLevel.Critical,
            };
            try
            {
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                if (logger.IsEnabled(level))
                {
                    logger.Log(level, exception, "{Message}", messageFunc());
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(HangfireLevel logLevel, Func<string> messageFunc, Exception exception) => false;
    }
}
