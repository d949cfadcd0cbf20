using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Eas.Load.Floor;

/// <summary>
/// The floor a parked Ping is compared with: bare Kestrel on loopback whose one route holds every request open until
/// the client hangs up, the way the EAS server holds a parked Ping, with nothing of the server (no actors, no auth,
/// no logging). <c>/parked</c> says how many requests it holds. Run as a child process by <see cref="FloorBench"/>.
/// </summary>
internal static class FloorServer
{
    public const string ParkPath = "/park";
    public const string CountPath = "/parked";

    public static async Task<int> RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromHours(1);
        });
        var app = builder.Build();
        var parked = 0;
        app.MapGet("/healthz", () => "ok");
        app.MapGet(CountPath, () => Volatile.Read(ref parked).ToString(System.Globalization.CultureInfo.InvariantCulture));
        app.MapPost(ParkPath, async (HttpContext context) =>
        {
            Interlocked.Increment(ref parked);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Interlocked.Decrement(ref parked);
            }
        });
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
