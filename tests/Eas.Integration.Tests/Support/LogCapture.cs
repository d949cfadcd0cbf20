using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// A Serilog sink that keeps every event of one server at Information and above, added beside the console through
/// <see cref="ServerInstance.StartAsync(DovecotFixture, string?, Action{Microsoft.AspNetCore.Builder.WebApplicationBuilder}?, string[])"/>
/// (the server writes to every <see cref="ILogEventSink"/> registered as a service), so tests read exactly what the
/// server logged, the request lines of Serilog's request logging included.
/// </summary>
internal sealed class LogCapture : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Text = new("{Message:lj}");
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>Registers the sink and lowers the server's level to Information (the test servers run at Warning).</summary>
    public void AddTo(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection([new("Eas:LogLevel", "Information")]);
        builder.Services.AddSingleton<ILogEventSink>(this);
    }

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

    public void Emit(LogEvent logEvent)
    {
        using var message = new StringWriter();
        Text.Format(logEvent, message);
        var category = logEvent.Properties.GetValueOrDefault("SourceContext") is ScalarValue { Value: string source } ? source : "";
        _entries.Enqueue(new CapturedLog(category, LevelOf(logEvent.Level), EventIdOf(logEvent), message.ToString()));
    }

    /// <summary>The id Microsoft.Extensions.Logging's <c>EventId</c> carries into Serilog as a structure <c>{ Id, Name }</c>.</summary>
    private static int EventIdOf(LogEvent logEvent) =>
        logEvent.Properties.GetValueOrDefault("EventId") is StructureValue structure
        && structure.Properties.FirstOrDefault(p => p.Name == "Id")?.Value is ScalarValue { Value: int id } ? id : 0;

    private static LogLevel LevelOf(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => LogLevel.Trace,
        LogEventLevel.Debug => LogLevel.Debug,
        LogEventLevel.Information => LogLevel.Information,
        LogEventLevel.Warning => LogLevel.Warning,
        LogEventLevel.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };
}

internal sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message);
