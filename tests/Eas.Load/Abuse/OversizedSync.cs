using System.Diagnostics;
using Eas.Load.Measuring;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Load.Abuse;

/// <summary>
/// A Sync carrying <c>items</c> Fetch commands (within the WBXML element limit) with the device's real key: the
/// server should answer at once without running it (MS-ASCMD 3.1.5.10: Sync Status 4), where before the cap it
/// held the account's mailbox for the whole fetch.
/// </summary>
internal static class OversizedSync
{
    public static async Task<AbuseResult> RunAsync(HttpClient http, AbuseTarget target, int items, CancellationToken token)
    {
        var device = await MisbehavingDevice.StartAsync(http, target, "AbuseBigSync", token);
        var before = await PrometheusText.ScrapeAsync(http, target.BaseUrl, token);
        var fetches = Enumerable.Range(1, items).Select(i => WithChildren(AirSync.Fetch, WithText(AirSync.ServerId, $"{device.Inbox}:{i}")));
        var body = WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, WithChildren(AirSync.Collection,
            WithText(AirSync.SyncKey, device.SyncKey), WithText(AirSync.CollectionId, device.Inbox), WithChildren(AirSync.Commands, fetches))));
        var clock = Stopwatch.StartNew();
        var reply = await device.Client.PostAsync("Sync", body, TimeSpan.FromMinutes(3), token);
        clock.Stop();
        var after = await PrometheusText.ScrapeAsync(http, target.BaseUrl, token);
        var status = reply.Body?.ValueOf(AirSync.Status) ?? reply.Body?.Element(AirSync.Collections)?.Element(AirSync.Collection)?.ValueOf(AirSync.Status);
        return new AbuseResult(
            "Oversized Sync",
            $"1 Sync with {items:N0} Fetch items ({WbxmlWriter.Encode(body).Length / 1024.0:0} KiB)",
            $"HTTP {(int)reply.Status}, Sync Status {status ?? "-"}",
            $"{clock.Elapsed.TotalMilliseconds:0} ms",
            $"eas_throttled_total{{budget=\"sync_items\"}} +{PingLoop.Delta(before, after, "sync_items"):0}");
    }
}
