using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// Errors the sites under test log (an unhandled exception behind a 500 page, a failed job),
/// appended to one file in the temp folder, so a failure seen only as "Der skete en fejl" can be
/// traced after the run. Each site also keeps its own in memory, so a test can assert that a
/// request logged none.
/// </summary>
public sealed class ErrorLog : ILoggerProvider
{
    public static readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "preventionstrategy-test-errors.log");

    private static readonly Lock Gate = new();

    private readonly ConcurrentQueue<LoggedError> entries = new();

    /// <summary>What this site logged at Error or above since it started (or since <see cref="Clear"/>).</summary>
    public IReadOnlyList<LoggedError> Entries => entries.ToArray();

    public void Clear() => entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LoggedError> entries) : ILogger
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

            var message = formatter(state, exception);
            entries.Enqueue(new LoggedError(logLevel, category, message, exception));
            lock (Gate)
            {
                File.AppendAllText(Path, $"{DateTime.UtcNow:O} {logLevel} {category}: {message}\n{exception}\n\n");
            }
        }
    }
}

public sealed record LoggedError(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? string.Empty : "\n" + Exception)}";
}
