using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Email;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Devices;

/// <summary>
/// Syncs one email collection of a Sync request: checks the key, then in one mailbox round trip confirms
/// the last response, applies the phone's commands, takes in the folder's changes, cuts the next window and
/// fetches what it adds; then writes the new state and only then returns the answer. A resent key (the last
/// response was lost, MS-ASCMD 3.1.5.9) runs the same way from the state the phone held at that key
/// (<see cref="CollectionSync.Restore"/>); the drafts the lost response's Adds stored are answered again, not stored
/// twice (<see cref="SyncPlan.DraftsAdded"/>). A request with client commands always gets a new key
/// (MS-ASCMD 2.2.3.166.4: "The response includes a new synchronization key value").
/// </summary>
internal sealed class SyncCollectionRunner(DeviceRequest request, DeviceActorSettings settings, CollectionCache cache, Func<string> newEpoch, DateTimeOffset now)
{
    public async Task<SyncCollectionResponse> RunAsync(SyncCollectionRequest collection, int windowSize)
    {
        var folderId = collection.CollectionId;
        var state = cache.Get(folderId);
        var options = collection.Options.FirstOrDefault(o => o.Class is null or "Email") ?? state?.Options ?? new SyncOptions();
        var match = CollectionSync.Match(state, collection.SyncKey);
        switch (match)
        {
            case KeyMatch.Invalid:
                return new SyncCollectionResponse(folderId, SyncStatus.InvalidSyncKey) { SyncKey = "0" };
            case KeyMatch.Initial:
                var exists = await MailboxWork.RunAsync(request, settings, async context => await context.ResolveEmailAsync(request, folderId) is not null);
                if (!exists) return FolderGone(collection);
                var started = CollectionSync.Start(newEpoch(), 0, (int)(options.FilterType ?? SyncFilterType.NoFilter)) with { Options = options };
                cache.Stage(folderId, started);
                return new SyncCollectionResponse(folderId, SyncStatus.Success) { SyncKey = started.Key, Class = ClassFor(collection) };
        }

        var resent = match == KeyMatch.Resent;
        var held = resent ? CollectionSync.Restore(state!) : state!;
        var heldCounter = resent ? state!.Rollback!.Counter : state!.Counter;
        ImmutableArray<DraftAdded> answeredBefore = resent ? state!.Sent?.DraftsAdded ?? [] : [];
        var outcome = await MailboxWork.RunAsync(request, settings, context => SyncOnMailboxAsync(context, collection, held, options, windowSize, resent, answeredBefore));
        if (outcome.State is { } next) cache.Stage(folderId, CollectionSync.Answered(next, held, heldCounter));
        settings.SyncMetrics?.Exchanged(Diagnostics.SyncMetrics.Email, collection.Commands, outcome.Response.Commands);
        return outcome.Response;
    }

    /// <summary>
    /// Status 12 for a folder that no longer exists. SyncKey is a required child of a response's Collection
    /// (MS-ASCMD 2.2.3.181.4), so the client's own key goes back: nothing was synchronized, its state stands.
    /// </summary>
    private static SyncCollectionResponse FolderGone(SyncCollectionRequest collection) =>
        new(collection.CollectionId, SyncStatus.FolderHierarchyChanged) { SyncKey = collection.SyncKey };

    private async Task<(CollectionSyncState? State, SyncCollectionResponse Response)> SyncOnMailboxAsync(
        MailboxContext context, SyncCollectionRequest collection, CollectionSyncState state, SyncOptions options, int windowSize, bool resent, ImmutableArray<DraftAdded> answeredBefore)
    {
        var folderId = collection.CollectionId;
        var name = await context.ResolveEmailAsync(request, folderId);
        if (name is null) return (null, FolderGone(collection));
        var version = request.Line.ProtocolVersion;
        var encoding = EmailEncodingOptions.ForSync(version, options, Sync.Email.Reading.HtmlToText.Convert, options.Truncation);
        var content = ContentFor(options);
        var drafts = new DraftCommands(context, name, folderId, request, settings, answeredBefore);
        var clients = new SyncClientCommands(context, name, folderId, version, encoding, content, drafts);
        state = CollectionSync.Confirm(state) with { Options = options };
        (state, var responses) = await clients.ApplyAsync(state, collection.Commands, options, collection.DeletesAsMoves ?? true);
        if (await CollectionRefresh.TakeInAsync(context.Session, name, state, options.FilterType, now, context.CancellationToken, QuarantinedDevice) is not { } refreshed)
            return (null, new SyncCollectionResponse(folderId, SyncStatus.InvalidSyncKey) { SyncKey = "0" });
        state = refreshed;
        var newKey = resent || !collection.Commands.IsDefaultOrEmpty;
        SyncPlan plan;
        bool more;
        if (collection.GetChanges ?? true)
            (state, plan, more) = CollectionSync.NextWindow(state, windowSize, forceNewKey: newKey);
        else
            (state, plan, more) = (newKey ? CollectionSync.Advance(state) : state, SyncPlan.Empty, state.HasPending);

        var fetched = plan.Adds.IsEmpty ? [] : await context.Session.FetchEmailsAsync(name, plan.Adds, content, context.CancellationToken);
        await MeetingInvitations.RecordAsync(context, request, settings, fetched);
        var delivered = plan with
        {
            Adds = [.. fetched.Select(f => f.Uid)],
            AddedFlags = [.. fetched.Select(f => KeyValuePair.Create(f.Uid, f.Flags))],
        };
        if (state.Sent is not null) state = state with { Sent = delivered with { DraftsAdded = drafts.Added } };
        if (more) context.Session.PrefetchEmails(name, [.. state.PendingAdds.Take(windowSize)], content);
        var commands = ServerCommands(folderId, state, delivered, fetched, encoding);
        var response = new SyncCollectionResponse(folderId, SyncStatus.Success)
        {
            SyncKey = state.Key,
            Class = ClassFor(collection),
            MoreAvailable = more,
            Commands = commands,
            Responses = responses,
        };
        return (state, response);
    }

    /// <summary>The plan's server commands; a changed draft is named by the ServerId the phone knows (<see cref="ClientItems.PhoneUid"/>).</summary>
    private static ImmutableArray<SyncServerCommand> ServerCommands(string folderId, CollectionSyncState state, SyncPlan plan, IReadOnlyList<FetchedEmail> fetched, EmailEncodingOptions encoding)
    {
        var commands = ImmutableArray.CreateBuilder<SyncServerCommand>(plan.Count);
        foreach (var uid in plan.Deletes) commands.Add(new SyncServerDelete(ServerIds.Of(folderId, ClientItems.PhoneUid(state, uid))));
        foreach (var (uid, flags) in plan.Changes)
            commands.Add(new SyncServerChange(ServerIds.Of(folderId, ClientItems.PhoneUid(state, uid)), EmailApplicationData.BuildFlagsChange(FlagsItem(flags), encoding.Version)));
        foreach (var email in fetched)
            commands.Add(new SyncServerAdd(ServerIds.Of(folderId, email.Uid), EmailApplicationData.Build(FileReferences.Qualify(email.Item, folderId, email.Uid), encoding)));
        return commands.ToImmutable();
    }

    /// <summary>An item carrying only the flags a Change reports.</summary>
    internal static EmailItem FlagsItem(MessageFlags flags) => EmailImapFlags.Apply(new EmailItem(), MessageFlagNames.Of(flags));

    /// <summary>
    /// How much of each message to fetch: the largest truncation any preference asks, HTML and MIME only when asked. A
    /// BodyPartPreference counts as a preference for HTML, the one type a BodyPart takes (MS-ASAIRS 2.2.2.41.3).
    /// </summary>
    internal static EmailContentRequest ContentFor(SyncOptions options)
    {
        var preferences = options.BodyPreferences.IsDefault ? [] : options.BodyPreferences;
        var parts = options.BodyPartPreferences.IsDefault ? [] : options.BodyPartPreferences;
        var all = preferences.AddRange(parts);
        long? max = preferences.IsEmpty || all.Any(p => p.TruncationSize is null) ? null : all.Max(p => p.TruncationSize);
        var html = preferences.Any(p => p.Type == BodyType.Html) || !parts.IsEmpty;
        var mime = (!preferences.IsDefaultOrEmpty && preferences.Any(p => p.Type == BodyType.Mime)) || options.MimeSupport is SyncMimeSupport.Always or SyncMimeSupport.SmimeOnly;
        return new EmailContentRequest(max, html, mime);
    }

    /// <summary>The device whose quarantine notices are all its Inbox shows while it is quarantined; null otherwise.</summary>
    private string? QuarantinedDevice => request.Quarantined ? request.Line.DeviceId : null;

    /// <summary>Class is echoed up to 12.1, where the request carries it (MS-ASCMD 2.2.3.27.6).</summary>
    private string? ClassFor(SyncCollectionRequest collection) =>
        request.Line.ProtocolVersion < Wire.Http.ProtocolVersion.V140 ? collection.Class : null;
}
