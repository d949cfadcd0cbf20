using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Mailboxes;

/// <summary>The account's folder map after a change (new folders got ids, a rename kept one); also the mailbox's snapshot.</summary>
public sealed record FolderMapChanged(FolderMap Map) : IPersistedMessage;

/// <summary>The manifests of the mailbox journal. They are a contract with rows on disk: never change or reuse one.</summary>
public static class MailboxManifests
{
    public static JsonManifestSetup WithMailboxManifests(this JsonManifestSetup setup) => setup
        .With<FolderMapChanged>("mailbox.folder-map-changed.v1");
}
