using Eas.Host.Diagnostics.Tracing;

namespace Eas.Host.Diagnostics.Live;

/// <summary>Registers what the admin API's live view and the request trace need.</summary>
internal static class LiveDiagnosticsExtensions
{
    public static IServiceCollection AddLiveDiagnostics(this IServiceCollection services) => services
        .AddSingleton<LiveStats>()
        .AddSingleton<LoopingDevices>()
        .AddSingleton<StatsCollector>()
        .AddSingleton<RequestTracer>();
}
