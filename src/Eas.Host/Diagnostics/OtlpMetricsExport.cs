using Eas.Host.Options;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Eas.Host.Diagnostics;

/// <summary>
/// Pushes the <c>Eas.Server</c> meter to an OpenTelemetry collector over OTLP (HTTP/protobuf) every
/// <c>Eas:Metrics:OtlpIntervalSeconds</c>, when <c>Eas:Metrics:OtlpEndpoint</c> is set; alongside, not instead
/// of, <c>/metrics</c>. Stopping the host flushes a last export.
/// </summary>
internal sealed class OtlpMetricsExport(IOptions<EasOptions> options) : IHostedService, IDisposable
{
    private MeterProvider? _provider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var metrics = options.Value.Metrics;
        _provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService("eas-server"))
            .AddMeter(ServerMetrics.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = new Uri(metrics.OtlpEndpoint);
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = Math.Max(1, metrics.OtlpIntervalSeconds) * 1000;
            })
            .Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _provider?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    public void Dispose() => _provider?.Dispose();
}
