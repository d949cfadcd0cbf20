using System.Collections.Immutable;
using System.Globalization;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// The account's stable folder ids. IMAP names change on rename and Dovecot 2.3 offers no MAILBOXID (RFC
/// 8474), so the server keeps its own map from short ids to names, shared by all the account's devices.
/// <see cref="Reconcile"/> follows renames made by any client: a new name with the MAILBOXID (where the
/// server offers one) or else the UIDVALIDITY of a name that disappeared is the same folder (Dovecot keeps
/// UIDVALIDITY across RENAME), so it keeps its id and phones see an Update rather than a Delete and an Add
/// that would throw their copies away.
/// </summary>
public sealed record FolderMap
{
    public int NextId { get; init; } = 1;

    /// <summary>Id to (name, UIDVALIDITY).</summary>
    public ImmutableSortedDictionary<string, FolderMapEntry> Folders { get; init; } = ImmutableSortedDictionary<string, FolderMapEntry>.Empty.WithComparers(StringComparer.Ordinal);

    public string? IdOf(string name) => Folders.FirstOrDefault(pair => pair.Value.Name == name).Key;

    public string? NameOf(string id) => Folders.TryGetValue(id, out var entry) ? entry.Name : null;

    /// <summary>Brings the map up to date with the mailboxes that exist now; INBOX is listed first so it gets the first id.</summary>
    public FolderMap Reconcile(IReadOnlyCollection<MailFolder> current)
    {
        var byName = Folders.ToDictionary(pair => pair.Value.Name, pair => pair.Key, StringComparer.Ordinal);
        var currentNames = current.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var vanished = Folders.Where(pair => !currentNames.Contains(pair.Value.Name)).ToList();
        var folders = Folders.ToBuilder();
        var next = NextId;
        foreach (var folder in current.OrderBy(f => f.Use == FolderUse.Inbox ? 0 : 1).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var entry = new FolderMapEntry(folder.Name, folder.UidValidity) { MailboxId = folder.MailboxId };
            if (byName.TryGetValue(folder.Name, out var id))
            {
                folders[id] = entry;
                continue;
            }

            var renamed = folder.MailboxId is { } mailboxId
                ? vanished.FindIndex(pair => pair.Value.MailboxId == mailboxId)
                : vanished.FindIndex(pair => pair.Value.UidValidity == folder.UidValidity && folder.UidValidity != 0);
            if (renamed >= 0)
            {
                folders[vanished[renamed].Key] = entry;
                vanished.RemoveAt(renamed);
                continue;
            }

            folders[(next++).ToString(CultureInfo.InvariantCulture)] = entry;
        }

        foreach (var gone in vanished) folders.Remove(gone.Key);
        var updated = this with { NextId = next, Folders = folders.ToImmutable() };
        return updated.Folders.SequenceEqual(Folders) && next == NextId ? this : updated;
    }

    /// <summary>Records a rename this server made, before the next listing shows it.</summary>
    public FolderMap Renamed(string id, string newName) =>
        Folders.TryGetValue(id, out var entry) ? this with { Folders = Folders.SetItem(id, entry with { Name = newName }) } : this;
}

/// <summary>A mapped folder: its IMAP name, the UIDVALIDITY seen last, and its MAILBOXID where the server has them.</summary>
public sealed record FolderMapEntry(string Name, uint UidValidity)
{
    public string? MailboxId { get; init; }
}
