using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Prometheus;
using Microsoft.Extensions.Logging;

namespace Eas.Host.Tests.Diagnostics;

/// <summary>
/// A private meter named <c>Eas.Server</c> with its own scope, and a collector listening to that scope only, so tests
/// running in parallel never see each other's instruments. Every scrape goes through the strict parser.
/// </summary>
internal sealed class CollectorUnderTest : IDisposable
{
    public CollectorUnderTest(int maxSeries = 2000, bool scopeLabels = false)
    {
        Meter = new Meter(new MeterOptions(ServerMetrics.MeterName) { Scope = Scope });
        Collector = new PrometheusCollector(
            new PrometheusCollectorOptions { MeterScope = Scope, MaxSeriesPerInstrument = maxSeries, ScopeLabels = scopeLabels }, Log);
    }

    public object Scope { get; } = new();

    public Meter Meter { get; }

    public RecordingLogger<PrometheusCollector> Log { get; } = new();

    public PrometheusCollector Collector { get; }

    /// <summary>One scrape as text, after checking it with <see cref="PrometheusTextParser"/>.</summary>
    public string Text()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Collector.Collect(buffer);
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        PrometheusTextParser.Parse(text);
        return text;
    }

    public PrometheusScrape Scrape() => PrometheusTextParser.Parse(Text());

    public void Dispose()
    {
        Collector.Dispose();
        Meter.Dispose();
    }
}

/// <summary>Keeps the event ids of what was logged.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<int> _events = [];

    public IReadOnlyList<int> Events
    {
        get
        {
            lock (_events) return [.. _events];
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_events) _events.Add(eventId.Id);
    }
}
