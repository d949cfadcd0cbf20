using Eas.Host.Diagnostics;
using Eas.Host.Diagnostics.Live;
using Eas.Host.Diagnostics.Tracing;

namespace Eas.Host.Admin;

/// <summary>
/// The operators' part of the admin API: <c>GET /stats</c>, the live snapshot <c>eas-server top</c> reads
/// (<see cref="StatsSnapshot"/>), and <c>GET/PUT /diagnostics</c>, the request trace switch
/// (<see cref="RequestTracer"/>). Both carry account and device names, so they sit behind the admin filter. <c>GET /runtime</c>:
/// the GC and compilation settings the runtime runs this process with (<see cref="RuntimeReport"/>).
/// </summary>
internal static class DiagnosticsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/stats", (StatsCollector stats) => stats.Collect());
        api.MapGet("/diagnostics", (RequestTracer tracer) => tracer.Current);
        api.MapGet("/runtime", RuntimeReport.Current);
        api.MapPut("/diagnostics", async (DiagnosticsChangeRequest change, RequestTracer tracer, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                return Results.Ok(await tracer.ChangeAsync(change, AdminAuthenticator.NameOf(http), ct));
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
    }
}
