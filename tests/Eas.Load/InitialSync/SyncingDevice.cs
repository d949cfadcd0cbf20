using System.Diagnostics;
using System.Globalization;
using Eas.Load.Eas;
using Eas.Load.Safety;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Load.InitialSync;

/// <summary>
/// A phone doing its first mail sync, as phones do it: Provision in two phases, FolderSync from key 0 to
/// find the inbox (folder type 2, MS-ASCMD 2.2.3.186.3), Sync key 0, then Sync with GetChanges and WindowSize
/// until a response comes without MoreAvailable. It counts Adds and notes any ServerId seen twice. A
/// request that fails transiently (5xx, timeout, reset) is sent again unchanged up to
/// <see cref="MaxAttempts"/> times; any other failure ends this device's run. The loop is bounded by
/// <paramref name="windowLimit"/> (at most <see cref="MaxWindows"/>) and by the run's deadline.
/// </summary>
internal sealed class SyncingDevice(EasClient client, int windowSize, int truncation, int windowLimit = SyncingDevice.MaxWindows)
{
    public const int MaxWindows = 100_000;
    public const int MaxAttempts = 4;
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> _serverIds = new(StringComparer.Ordinal);
    private int _items;
    private int _duplicates;
    private int _other;
    private int _windows;
    private int _requests;
    private int _errors;
    private long _bytes;

    /// <summary>Runs the device to the end of its inbox; <paramref name="onItems"/> hears of each window's Adds.</summary>
    public async Task<DeviceResult> RunAsync(Action<int> onItems, RunDeadline deadline)
    {
        var token = deadline.Token;
        var clock = new Stopwatch();
        var completed = false;
        string? failure = null, stopReason = null;
        try
        {
            await ProvisionAsync(token);
            var inbox = await FindInboxAsync(token);
            clock.Start();
            var key = await StartAsync(inbox, token);
            var limit = Math.Clamp(windowLimit, 1, MaxWindows);
            while (_windows < limit)
            {
                var collection = await NextWindowAsync(inbox, key, token);
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
            _errors++;
            failure = e.Message;
        }

        clock.Stop();
        return new DeviceResult(client.Device.DeviceId, _items, _duplicates, _other, _windows, _requests, _errors, _bytes,
            completed, clock.Elapsed, failure, stopReason);
    }

    private async Task ProvisionAsync(CancellationToken token)
    {
        client.PolicyKey = null;
        var first = await SendAsync("Provision", EasBodies.ProvisionRequest(client.Device), token);
        client.PolicyKey = PolicyKeyOf(first);
        var second = await SendAsync("Provision", EasBodies.ProvisionAcknowledge(client.Device, client.PolicyKey.Value), token);
        client.PolicyKey = PolicyKeyOf(second);
    }

    private async Task<string> FindInboxAsync(CancellationToken token)
    {
        var body = await SendAsync("FolderSync", EasBodies.FolderSync("0"), token);
        RequireStatus("FolderSync", body.ValueOf(FolderHierarchy.Status));
        var inbox = body.Element(FolderHierarchy.Changes)?.Elements(FolderHierarchy.Add)
            .FirstOrDefault(add => add.ValueOf(FolderHierarchy.Type) == "2");
        return inbox?.ValueOf(FolderHierarchy.ServerId) ?? throw new EasCallException("FolderSync: no inbox (folder type 2) in the hierarchy");
    }

    private async Task<string> StartAsync(string inbox, CancellationToken token)
    {
        var collection = CollectionOf(await SendAsync("Sync", EasBodies.SyncStart(client.Device, inbox), token))
            ?? throw new EasCallException("Sync key 0: the answer has no collection");
        return collection.ValueOf(AirSync.SyncKey) ?? throw new EasCallException("Sync key 0: no SyncKey in the answer");
    }

    /// <summary>One window; null when the server answered with an empty body (nothing to send, MS-ASCMD 2.2.1.21).</summary>
    private async Task<WbxmlElement?> NextWindowAsync(string inbox, string key, CancellationToken token)
    {
        var body = await SendAsync("Sync", EasBodies.SyncWindow(client.Device, inbox, key, windowSize, truncation), token, emptyAllowed: true);
        return body.HasChildren ? CollectionOf(body) : null;
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

    /// <summary>
    /// Sends with retries of transient failures, each counted as an error (the final failure is counted by
    /// <see cref="RunAsync"/>); returns the WBXML body of a 200 answer (an empty
    /// element if there was none and that is allowed).
    /// </summary>
    private async Task<WbxmlElement> SendAsync(string command, WbxmlElement body, CancellationToken token, bool emptyAllowed = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            _requests++;
            string problem;
            try
            {
                var reply = await client.PostAsync(command, body, token);
                _bytes += reply.Bytes;
                if (reply.IsOk && reply.Body is { } answer) return answer;
                if (reply.IsOk && emptyAllowed) return new WbxmlElement(AirSync.Sync);
                problem = $"{command}: HTTP {(int)reply.Status}{(reply.IsOk ? " without a WBXML body" : "")}";
                if (!reply.IsTransient) throw new EasCallException(problem);
            }
            catch (EasCallException e) when (e.Transient)
            {
                problem = e.Message;
            }

            if (attempt >= MaxAttempts) throw new EasCallException($"{problem} (after {attempt} attempts)");
            _errors++;
            await Task.Delay(RetryPause, token);
        }
    }

    private static WbxmlElement? CollectionOf(WbxmlElement sync)
    {
        if (sync.Element(AirSync.Collections)?.Element(AirSync.Collection) is not { } collection)
        {
            RequireStatus("Sync", sync.ValueOf(AirSync.Status));
            return null;
        }

        RequireStatus("Sync", collection.ValueOf(AirSync.Status));
        return collection;
    }

    private static uint PolicyKeyOf(WbxmlElement provision)
    {
        RequireStatus("Provision", provision.ValueOf(Provision.Status));
        var policy = provision.Element(Provision.Policies)?.Element(Provision.Policy) ?? throw new EasCallException("Provision: no Policy in the answer");
        RequireStatus("Provision policy", policy.ValueOf(Provision.Status));
        return uint.TryParse(policy.ValueOf(Provision.PolicyKey), NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new EasCallException("Provision: no numeric PolicyKey in the answer");
    }

    private static void RequireStatus(string command, string? status)
    {
        if (status != "1") throw new EasCallException($"{command}: status {status ?? "(none)"}");
    }
}
