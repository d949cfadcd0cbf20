namespace Eas.Host.Diagnostics.Prometheus;

/// <summary>The Prometheus exporter's log messages, with stable event ids.</summary>
internal static partial class PrometheusLog
{
    [LoggerMessage(1301, LogLevel.Warning, "Metric {Metric} reached its limit of {Limit} label sets; measurements with new label sets are counted in its otel_metric_overflow=\"true\" series")]
    public static partial void SeriesLimitReached(ILogger logger, string metric, int limit);

    [LoggerMessage(1302, LogLevel.Warning, "Instrument {Instrument} is not exported: the Prometheus name {Metric} is already taken by an instrument of another kind or with other buckets")]
    public static partial void NameConflict(ILogger logger, string instrument, string metric);

    [LoggerMessage(1303, LogLevel.Warning, "Reading observable instruments for a scrape failed; the scrape goes on with what they reported")]
    public static partial void ObservationFailed(ILogger logger, Exception exception);
}
