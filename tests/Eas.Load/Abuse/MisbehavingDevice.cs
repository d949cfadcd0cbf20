using Eas.Load.Eas;
using Eas.Load.Measuring;

namespace Eas.Load.Abuse;

/// <summary>A phone of the target account set up as a real one would be (Provision, FolderSync, Sync key 0 and one window), ready to misbehave.</summary>
internal sealed record MisbehavingDevice(EasClient Client, string Inbox, string SyncKey)
{
    public static async Task<MisbehavingDevice> StartAsync(HttpClient http, AbuseTarget target, string deviceId, CancellationToken token)
    {
        var client = new EasClient(http, target.Endpoint, new EasDevice(target.User, target.Password, deviceId, "AbuseLoad", "14.1"), new LatencyRecorder());
        var session = new EasSession(client);
        await session.ProvisionAsync(token);
        var inbox = await session.FindInboxAsync(token);
        var key = await session.StartSyncAsync(inbox, token);
        var window = await session.NextWindowAsync(inbox, key, 100, 512, token);
        return new MisbehavingDevice(client, inbox, window?.ValueOf(Wire.CodePages.AirSync.SyncKey) ?? key);
    }
}
