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

    /// <summary>The id of an IMAP folder (never of a <see cref="FolderMapEntry.PimCollection"/> entry).</summary>
    public string? IdOf(string name) => Folders.FirstOrDefault(pair => !pair.Value.PimCollection && pair.Value.Name == name).Key;

    /// <summary>The IMAP name behind an id; null for an unknown id or a PIM collection's id.</summary>
    public string? NameOf(string id) => Folders.TryGetValue(id, out var entry) && !entry.PimCollection ? entry.Name : null;

    /// <summary>The id of a collection of a PIM store that is not IMAP (a CardDAV address book), by its collection id.</summary>
    public string? PimIdOf(string collectionId) => Folders.FirstOrDefault(pair => pair.Value.PimCollection && pair.Value.Name == collectionId).Key;

    /// <summary>
    /// Brings the PIM entries up to date with the collections a non-IMAP store lists now: a new collection gets the
    /// next id (ids only grow, so one is never reused), one that vanished loses its entry (its folder then leaves
    /// the hierarchy as a Delete, MS-ASCMD 2.2.3.42.2), IMAP entries are untouched.
    /// </summary>
    public FolderMap ReconcilePim(IReadOnlyCollection<string> collectionIds)
    {
        var current = collectionIds.ToHashSet(StringComparer.Ordinal);
        var known = Folders.Where(pair => pair.Value.PimCollection).ToDictionary(pair => pair.Value.Name, pair => pair.Key, StringComparer.Ordinal);
        var folders = Folders.ToBuilder();
        var next = NextId;
        foreach (var gone in known.Where(k => !current.Contains(k.Key))) folders.Remove(gone.Value);
        foreach (var id in collectionIds.Where(c => !known.ContainsKey(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            folders[(next++).ToString(CultureInfo.InvariantCulture)] = new FolderMapEntry(id, 0) { PimCollection = true };
        return next == NextId && folders.Count == Folders.Count ? this : this with { NextId = next, Folders = folders.ToImmutable() };
    }

    /// <summary>Brings the map up to date with the mailboxes that exist now; INBOX is listed first so it gets the first id.</summary>
    public FolderMap Reconcile(IReadOnlyCollection<MailFolder> current)
    {
        var byName = Folders.Where(pair => !pair.Value.PimCollection).ToDictionary(pair => pair.Value.Name, pair => pair.Key, StringComparer.Ordinal);
        var currentNames = current.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var vanished = Folders.Where(pair => !pair.Value.PimCollection && !currentNames.Contains(pair.Value.Name)).ToList();
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

/// <summary>
/// A mapped folder: its IMAP name, the UIDVALIDITY seen last, and its MAILBOXID where the server has them; or, when
/// <see cref="PimCollection"/>, the collection id of a non-IMAP PIM store (a CardDAV address book) in <c>Name</c>.
/// </summary>
public sealed record FolderMapEntry(string Name, uint UidValidity)
{
    public string? MailboxId { get; init; }

    /// <summary>The entry is a collection of a non-IMAP PIM store, not an IMAP folder.</summary>
    public bool PimCollection { get; init; }
}
