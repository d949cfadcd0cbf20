using System.Globalization;
using Eas.Load.InitialSync;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Load.Eas;

/// <summary>
/// The steps every simulated phone takes before it has mail, over one <see cref="EasClient"/>: Provision in
/// two phases, FolderSync from key 0 to find the inbox (folder type 2, MS-ASCMD 2.2.3.186.3), Sync key 0, and
/// Sync windows with GetChanges. A request that fails transiently (5xx, timeout, reset) is sent again
/// unchanged up to <see cref="MaxAttempts"/> times, except a refusal over the server's connection cap, which is thrown
/// at once as <see cref="EasRefusedException"/> (its Retry-After is far beyond a measured window's retries), each retried failure counted in <see cref="Errors"/>; the
/// final failure is thrown as a transient <see cref="EasCallException"/> for the caller to count; <paramref name="retried"/>,
/// when given, hears of each retried failure. Not thread-safe: one phone sends one request at a time.
/// </summary>
internal sealed class EasSession(EasClient client, Action<string>? retried = null)
{
    public const int MaxAttempts = 4;
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    public EasClient Client => client;

    /// <summary>Requests sent, retries included.</summary>
    public int Requests { get; private set; }

    /// <summary>Failed attempts that were retried.</summary>
    public int Errors { get; private set; }

    /// <summary>Octets of the answers' bodies.</summary>
    public long Bytes { get; private set; }

    public async Task ProvisionAsync(CancellationToken token)
    {
        client.PolicyKey = null;
        var first = await SendAsync("Provision", EasBodies.ProvisionRequest(client.Device), token);
        client.PolicyKey = PolicyKeyOf(first);
        var second = await SendAsync("Provision", EasBodies.ProvisionAcknowledge(client.Device, client.PolicyKey.Value), token);
        client.PolicyKey = PolicyKeyOf(second);
    }

    /// <summary>The inbox's ServerId from a FolderSync with key 0.</summary>
    public Task<string> FindInboxAsync(CancellationToken token) => FindFolderAsync(FolderTypes.Inbox, token);

    /// <summary>The ServerId of the first folder of <paramref name="type"/> (MS-ASCMD 2.2.3.186.3) from a FolderSync with key 0.</summary>
    public async Task<string> FindFolderAsync(string type, CancellationToken token)
    {
        var body = await SendAsync("FolderSync", EasBodies.FolderSync("0"), token);
        RequireStatus("FolderSync", body.ValueOf(FolderHierarchy.Status));
        var folder = body.Element(FolderHierarchy.Changes)?.Elements(FolderHierarchy.Add)
            .FirstOrDefault(add => add.ValueOf(FolderHierarchy.Type) == type);
        return folder?.ValueOf(FolderHierarchy.ServerId) ?? throw new EasCallException($"FolderSync: no folder of type {type} in the hierarchy");
    }

    /// <summary>Sync key 0: primes the collection and returns its first key.</summary>
    public async Task<string> StartSyncAsync(string collectionId, CancellationToken token, string className = "Email")
    {
        var collection = CollectionOf(await SendAsync("Sync", EasBodies.SyncStart(client.Device, collectionId, className), token))
            ?? throw new EasCallException("Sync key 0: the answer has no collection");
        return collection.ValueOf(AirSync.SyncKey) ?? throw new EasCallException("Sync key 0: no SyncKey in the answer");
    }

    /// <summary>One window of changes; null when the server answered with an empty body (nothing to send, MS-ASCMD 2.2.1.21).</summary>
    public async Task<WbxmlElement?> NextWindowAsync(string collectionId, string key, int windowSize, int truncation, CancellationToken token, string className = "Email")
    {
        var body = await SendAsync("Sync", EasBodies.SyncWindow(client.Device, collectionId, key, windowSize, truncation, className), token, emptyAllowed: true);
        return body.HasChildren ? CollectionOf(body) : null;
    }

    /// <summary>
    /// Sends with retries of transient failures; returns the WBXML body of a 200 answer (an empty Sync element
    /// if there was none and that is allowed).
    /// </summary>
    public async Task<WbxmlElement> SendAsync(string command, WbxmlElement body, CancellationToken token, bool emptyAllowed = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            Requests++;
            string problem;
            try
            {
                var reply = await client.PostAsync(command, body, token);
                Bytes += reply.Bytes;
                if (reply.IsOk && reply.Body is { } answer) return answer;
                if (reply.IsOk && emptyAllowed) return new WbxmlElement(AirSync.Sync);
                if (reply.OverCap) throw new EasRefusedException(command);
                problem = $"{command}: HTTP {(int)reply.Status}{(reply.IsOk ? " without a WBXML body" : "")}";
                if (!reply.IsTransient) throw new EasCallException(problem);
            }
            catch (EasCallException e) when (e.Transient)
            {
                problem = e.Message;
            }

            if (attempt >= MaxAttempts) throw new EasCallException($"{problem} (after {attempt} attempts)", transient: true);
            Errors++;
            retried?.Invoke(problem);
            await Task.Delay(RetryPause, token);
        }
    }

    /// <summary>The first collection of a Sync answer with its status checked; null if the answer has none.</summary>
    public static WbxmlElement? CollectionOf(WbxmlElement sync)
    {
        if (sync.Element(AirSync.Collections)?.Element(AirSync.Collection) is not { } collection)
        {
            RequireStatus("Sync", sync.ValueOf(AirSync.Status));
            return null;
        }

        RequireStatus("Sync", collection.ValueOf(AirSync.Status));
        return collection;
    }

    public static void RequireStatus(string command, string? status)
    {
        if (status != "1") throw new EasStatusException(command, status);
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
}
