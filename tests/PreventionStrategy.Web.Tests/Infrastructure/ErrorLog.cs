using Microsoft.Extensions.Logging;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// Errors the sites under test log (an unhandled exception behind a 500 page, a failed job),
/// appended to one file in the temp folder, so a failure seen only as "Der skete en fejl" can be
/// traced after the run.
/// </summary>
public sealed class ErrorLog : ILoggerProvider
{
    public static readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "preventionstrategy-test-errors.log");

    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (Gate)
            {
                File.AppendAllText(Path, $"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }
}
