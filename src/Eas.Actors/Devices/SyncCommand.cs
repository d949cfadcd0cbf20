using System.Collections.Immutable;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Devices;

/// <summary>
/// Sync (MS-ASCMD 2.2.1.21) for email folders: each collection of the request is synced on its own
/// (<see cref="SyncCollectionRunner"/>); an empty request repeats the last one (12.1+, MS-ASCMD 2.2.3.166.4),
/// or is Status 13 when there is none to repeat.
/// </summary>
internal static class SyncCommand
{
    public const int DefaultWindowSize = 100;
    public const int MaxWindowSize = 512;

    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings, CollectionCache cache, Func<string> newEpoch, DateTimeOffset now)
    {
        var body = request.Body as SyncRequest;
        if (body is null || body.Collections.IsDefaultOrEmpty)
        {
            if (cache.LastRequest is null) return new Decision(new RespondWith(new SyncResponse { Status = SyncStatus.IncompleteRequest }), []);
            body = cache.LastRequest with { WindowSize = body?.WindowSize ?? cache.LastRequest.WindowSize };
        }
        else
        {
            cache.LastRequest = body with { Collections = [.. body.Collections.Select(c => c with { Commands = [] })] };
        }

        var runner = new SyncCollectionRunner(request, settings, cache, newEpoch, now);
        var collections = ImmutableArray.CreateBuilder<SyncCollectionResponse>(body.Collections.Length);
        foreach (var collection in body.Collections)
        {
            var window = Math.Clamp(collection.WindowSize ?? body.WindowSize ?? DefaultWindowSize, 1, MaxWindowSize);
            collections.Add(await runner.RunAsync(collection, window));
        }

        return new Decision(new RespondWith(new SyncResponse { Collections = collections.ToImmutable() }), []);
    }
}
