using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// A logger provider that keeps every message of one server, added beside Serilog through
/// <see cref="ServerInstance.StartAsync(DovecotFixture, string?, Action{Microsoft.AspNetCore.Builder.WebApplicationBuilder}?, string[])"/>,
/// so tests read exactly what the server logged.
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public void AddTo(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) => builder.Logging.AddProvider(this);

    /// <summary>
    /// The entries matching <paramref name="match"/> once there are at least <paramref name="count"/> (waiting up to
    /// 10 s): a request's trace and log lines are written after its response has reached the client.
    /// </summary>
    public async Task<IReadOnlyList<CapturedLog>> WaitForAsync(Func<CapturedLog, bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = Entries.Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline) return found;
            await Task.Delay(20);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._entries.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception)));
    }
}

internal sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message);
