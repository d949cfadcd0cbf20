using System.Diagnostics;
using Eas.Host.Endpoints;
using Serilog.Events;
using Serilog.Parsing;

namespace Eas.Host.Diagnostics.Logging;

/// <summary>
/// One log line per request, once the response is done (event 1000):
/// <c>Sync mike@ox.io SEC1 v14.1 -> 200 in 12.3 ms, 120 B in, 843 B out</c>, and a reason after it where the status
/// alone does not tell (<see cref="RequestLogEntry.Reason"/>). ActiveSync requests are logged at Information, an
/// exception that escaped at Error; the other paths (<c>/metrics</c>, <c>/healthz</c>, the admin API) only at Debug,
/// so a Prometheus scrape every 15 s does not fill the log.
/// </summary>
/// <remarks>
/// The ActiveSync POST writes its own line (<see cref="ActiveSyncEndpoint"/>, from what it kept in its
/// <see cref="RequestLogEntry"/>), and this middleware steps aside for it: a parked Ping then keeps nothing of the log
/// for its heartbeat. Serilog.AspNetCore's request logging, used before, kept per request an async frame, a diagnostic
/// context with its dictionary and lock, and an <see cref="System.Threading.AsyncLocal{T}"/> value (so an execution
/// context of its own) for as long as the request was open: about 0.4 KB per parked Ping.
/// </remarks>
internal sealed class RequestLogging
{
    /// <summary>The stable event id of the request line, as in <see cref="HostLog"/>.</summary>
    public const int EventId = 1000;

    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse(
        "{Command} {User} {DeviceId} v{Version} -> {Status} in {ElapsedMs:F1} ms, {RequestBytes} B in, {ResponseBytes} B out{Reason}");

    private static readonly LogEventProperty EventIdProperty = new("EventId", new StructureValue([new LogEventProperty("Id", new ScalarValue(EventId))]));

    private readonly Serilog.ILogger _logger;

    /// <summary>Lines carry this class as their <c>SourceContext</c>, so a level override can name them.</summary>
    public RequestLogging(Serilog.ILogger logger) => _logger = logger.ForContext<RequestLogging>();

    /// <summary>
    /// Writes the line of an ActiveSync request from its <paramref name="entry"/>: Information, or Error with
    /// <paramref name="exception"/> when one escaped (status 500, as the host then answers).
    /// </summary>
    public void Write(HttpContext context, RequestLogEntry entry, long startedTimestamp, Exception? exception = null)
    {
        var level = exception is null ? LogEventLevel.Information : LogEventLevel.Error;
        if (!_logger.IsEnabled(level)) return;
        Emit(context, level, startedTimestamp, exception, entry.Command, entry.User, entry.DeviceId, entry.Version, entry.RequestBytes, entry.ResponseBytes, entry.Reason);
    }

    /// <summary>Adds the line of every other request to the pipeline; call it before the endpoints are mapped.</summary>
    public void Use(WebApplication app) => app.Use(next => context => OwnLine(context) ? next(context) : LogAsync(next, context));

    /// <summary>
    /// The ActiveSync POST, which writes its own line: told by the endpoint routing chose (its
    /// <see cref="WritesOwnRequestLine"/> mark), so every path routing maps to it (a trailing slash too) is logged once.
    /// </summary>
    private static bool OwnLine(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<WritesOwnRequestLine>() is not null;

    private async Task LogAsync(RequestDelegate next, HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (Exception e) when (Other(context, started, e))
        {
            // Never taken: the filter writes the line and lets the exception go on to the host (500).
        }

        Other(context, started, null);
    }

    private bool Other(HttpContext context, long started, Exception? exception)
    {
        var level = exception is null ? LogEventLevel.Debug : LogEventLevel.Error;
        if (!_logger.IsEnabled(level)) return false;
        var request = context.Request;
        Emit(context, level, started, exception, $"{request.Method} {request.Path}", "-", "-", "-", request.ContentLength ?? 0, context.Response.ContentLength ?? 0, null);
        return false;
    }

    private void Emit(
        HttpContext context, LogEventLevel level, long started, Exception? exception,
        string command, string user, string deviceId, string version, long requestBytes, long responseBytes, string? reason)
    {
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var status = exception is null ? context.Response.StatusCode : StatusCodes.Status500InternalServerError;
        LogEventProperty[] properties =
        [
            new("Command", new ScalarValue(command)),
            new("User", new ScalarValue(user)),
            new("DeviceId", new ScalarValue(deviceId)),
            new("Version", new ScalarValue(version)),
            new("RequestBytes", new ScalarValue(requestBytes)),
            new("ResponseBytes", new ScalarValue(responseBytes)),
            new("Reason", new ScalarValue(reason is null ? "" : $" ({reason})")),
            new("Status", new ScalarValue(status)),
            new("ElapsedMs", new ScalarValue(elapsedMs)),
            new("RequestMethod", new ScalarValue(context.Request.Method)),
            new("RequestPath", new ScalarValue(context.Request.Path.Value)),
            EventIdProperty,
        ];
        _logger.Write(new LogEvent(DateTimeOffset.Now, level, exception, Template, properties));
    }
}

/// <summary>Marks an endpoint that writes its own request line (<see cref="RequestLogging.Write"/>).</summary>
internal sealed class WritesOwnRequestLine
{
    public static readonly WritesOwnRequestLine Instance = new();

    private WritesOwnRequestLine()
    {
    }
}
