namespace Eas.Host.Diagnostics.Logging;

/// <summary>
/// The host's logger factory with one change: Kestrel's general category (<see cref="KestrelCategory"/>) opens no log
/// scopes. Kestrel opens a connection scope (its connection id) on that category for each connection's whole life
/// whenever the category is enabled at any level, and Serilog's provider keeps it in an <c>AsyncLocal</c>, which gives
/// every connection a scope, an enricher stack and an execution context of its own: about 0.25 KB that a parked Ping
/// holds for its heartbeat and bare Kestrel without logging does not. The console's line format never showed the
/// scope's property, and Kestrel's own warnings (heartbeat, application errors) still reach the log.
/// </summary>
internal sealed class KestrelWithoutConnectionScope(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>The category Kestrel opens its connection scope on (<c>KestrelTrace</c>'s general logger).</summary>
    public const string KestrelCategory = "Microsoft.AspNetCore.Server.Kestrel";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == KestrelCategory ? new Scopeless(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class Scopeless(ILogger logger) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logger.Log(logLevel, eventId, state, exception, formatter);
    }
}
