using System.Diagnostics;
using Eas.Actors.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Integration.Tests.Support;

/// <summary>Waits on a server's push gauges instead of sleeping: a Ping is parked, a watcher session is open.</summary>
internal static class ParkedPings
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Parks a Ping on <paramref name="folderId"/> and returns once the server holds it (its parked-requests gauge went up).</summary>
    public static async Task<Task<EasResponse>> ParkAsync(ServerInstance server, SyncingPhone phone, string folderId)
    {
        var metrics = server.Services.GetRequiredService<PushMetrics>();
        var before = metrics.ParkedNow;
        var ping = phone.Client.PostAsync("Ping", PingRequests.Ping(300, folderId));
        await UntilAsync(() => metrics.ParkedNow > before || ping.IsCompleted, "the Ping was never parked");
        ping.IsCompleted.ShouldBeFalse("nothing had changed, so the Ping must wait");
        return ping;
    }

    /// <summary>Returns once the server has <paramref name="count"/> watcher sessions open (IMAP push mode).</summary>
    public static Task WatchersAsync(ServerInstance server, long count)
    {
        var metrics = server.Services.GetRequiredService<PushMetrics>();
        return UntilAsync(() => metrics.WatchersNow == count, $"the server never had {count} watcher sessions");
    }

    private static async Task UntilAsync(Func<bool> condition, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            waited.Elapsed.ShouldBeLessThan(Patience, failure);
            await Task.Delay(10);
        }
    }
}
