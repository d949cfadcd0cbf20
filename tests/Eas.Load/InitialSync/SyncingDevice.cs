using System.Diagnostics;
using Eas.Load.Eas;
using Eas.Load.Safety;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Load.InitialSync;

/// <summary>
/// A phone doing its first sync of one folder (the inbox unless <paramref name="folder"/> says otherwise), as phones do it: the steps of an <see cref="EasSession"/> (Provision,
/// FolderSync to find the folder, Sync key 0), then Sync with GetChanges and WindowSize until a response comes
/// without MoreAvailable. It counts Adds and notes any ServerId seen twice. A transient failure is retried by
/// the session; any other failure ends this device's run. The loop is bounded by
/// <paramref name="windowLimit"/> (at most <see cref="MaxWindows"/>) and by the run's deadline.
/// </summary>
internal sealed class SyncingDevice(EasClient client, int windowSize, int truncation, int windowLimit = SyncingDevice.MaxWindows, SyncedFolder? folder = null)
{
    public const int MaxWindows = 100_000;

    private readonly EasSession _session = new(client);
    private readonly SyncedFolder _folder = folder ?? SyncedFolder.Inbox;
    private readonly HashSet<string> _serverIds = new(StringComparer.Ordinal);
    private int _items;
    private int _duplicates;
    private int _other;
    private int _windows;
    private int _failures;

    /// <summary>Runs the device to the end of its inbox; <paramref name="onItems"/> hears of each window's Adds.</summary>
    public async Task<DeviceResult> RunAsync(Action<int> onItems, RunDeadline deadline)
    {
        var token = deadline.Token;
        var clock = new Stopwatch();
        var completed = false;
        string? failure = null, stopReason = null;
        try
        {
            await _session.ProvisionAsync(token);
            var inbox = await _session.FindFolderAsync(_folder.Type, token);
            clock.Start();
            var key = await _session.StartSyncAsync(inbox, token, _folder.ClassName);
            var limit = Math.Clamp(windowLimit, 1, MaxWindows);
            while (_windows < limit)
            {
                var collection = await _session.NextWindowAsync(inbox, key, windowSize, truncation, token, _folder.ClassName);
                _windows++;
                if (collection is null)
                {
                    completed = true;
                    break;
                }

                key = collection.ValueOf(AirSync.SyncKey) ?? throw new EasCallException("Sync: the collection has no SyncKey");
                onItems(Tally(collection));
                if (collection.Element(AirSync.MoreAvailable) is not null) continue;
                completed = true;
                break;
            }

            if (!completed) stopReason = $"stopped after {limit} windows";
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            stopReason = deadline.StopReason;
        }
        catch (EasCallException e)
        {
            _failures++;
            failure = e.Message;
        }

        clock.Stop();
        return new DeviceResult(client.Device.DeviceId, _items, _duplicates, _other, _windows, _session.Requests, _session.Errors + _failures, _session.Bytes,
            completed, clock.Elapsed, failure, stopReason);
    }

    private int Tally(WbxmlElement collection)
    {
        var added = 0;
        if (collection.Element(AirSync.Commands) is not { } commands) return 0;
        foreach (var command in commands.Children)
        {
            if (command.Tag != AirSync.Add)
            {
                _other++;
                continue;
            }

            added++;
            var serverId = command.ValueOf(AirSync.ServerId) ?? throw new EasCallException("Sync: an Add without ServerId");
            if (!_serverIds.Add(serverId)) _duplicates++;
        }

        _items += added;
        return added;
    }
}
