using Microsoft.Extensions.Logging;

namespace Eas.Actors.Tests.Sync.Calendar;

/// <summary>A logger that keeps every line written to it, for asserting that a log line was written.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public List<(int EventId, string Message)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines) Lines.Add((eventId.Id, formatter(state, exception)));
    }
}
