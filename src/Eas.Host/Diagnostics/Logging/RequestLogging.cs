using Serilog;
using Serilog.Events;

namespace Eas.Host.Diagnostics.Logging;

/// <summary>
/// One log line per request, written by Serilog.AspNetCore's request logging once the response is done (event 1000):
/// <c>Sync mike@ox.io SEC1 v14.1 -> 200 in 12.3 ms, 120 B in, 843 B out</c>, and a reason after it where the status
/// alone does not tell (<see cref="RequestLogEntry.Reason"/>). ActiveSync requests are logged at Information, an
/// exception that escaped at Error; the other paths (<c>/metrics</c>, <c>/healthz</c>, the admin API) only at Debug,
/// so a Prometheus scrape every 15 s does not fill the log.
/// </summary>
internal static class RequestLogging
{
    /// <summary>The stable event id of the request line, as in <see cref="HostLog"/>.</summary>
    public const int EventId = 1000;

    private const string Template = "{Command} {User} {DeviceId} v{Version} -> {Status} in {ElapsedMs:F1} ms, {RequestBytes} B in, {ResponseBytes} B out{Reason}";

    /// <summary>Adds the request log to the pipeline; call it before the endpoints are mapped.</summary>
    public static void UseRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.MessageTemplate = Template;
            options.GetLevel = LevelOf;
            options.EnrichDiagnosticContext = Enrich;
            options.GetMessageTemplateProperties = (context, path, elapsedMs, status) =>
            [
                new LogEventProperty("Status", new ScalarValue(status)),
                new LogEventProperty("ElapsedMs", new ScalarValue(elapsedMs)),
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(path)),
                new LogEventProperty("EventId", new StructureValue([new LogEventProperty("Id", new ScalarValue(EventId))])),
            ];
        });
    }

    private static LogEventLevel LevelOf(HttpContext context, double elapsedMs, Exception? exception)
    {
        if (exception is not null) return LogEventLevel.Error;
        return context.Features.Get<RequestLogEntry>() is null ? LogEventLevel.Debug : LogEventLevel.Information;
    }

    private static void Enrich(IDiagnosticContext diagnostics, HttpContext context)
    {
        var entry = context.Features.Get<RequestLogEntry>();
        diagnostics.Set("Command", entry?.Command ?? $"{context.Request.Method} {context.Request.Path}");
        diagnostics.Set("User", entry?.User ?? "-");
        diagnostics.Set("DeviceId", entry?.DeviceId ?? "-");
        diagnostics.Set("Version", entry?.Version ?? "-");
        diagnostics.Set("RequestBytes", entry?.RequestBytes ?? context.Request.ContentLength ?? 0);
        diagnostics.Set("ResponseBytes", entry?.ResponseBytes ?? context.Response.ContentLength ?? 0);
        diagnostics.Set("Reason", entry?.Reason is { } reason ? $" ({reason})" : "");
    }
}
