using System.Collections.Immutable;
using System.Globalization;

namespace Eas.Actors.Mailboxes;

/// <summary>
/// The account's stable folder ids. IMAP names change on rename and Dovecot 2.3 offers no MAILBOXID (RFC
/// 8474), so the server keeps its own map from short ids to names, shared by all the account's devices.
/// <see cref="Reconcile"/> follows renames made by any client: a new name whose UIDVALIDITY equals that of
/// a name that disappeared is the same folder (Dovecot keeps UIDVALIDITY across RENAME), so it keeps its id
/// and phones see an Update rather than a Delete and an Add that would throw their copies away.
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
            if (byName.TryGetValue(folder.Name, out var id))
            {
                folders[id] = new FolderMapEntry(folder.Name, folder.UidValidity);
                continue;
            }

            var renamed = vanished.FindIndex(pair => pair.Value.UidValidity == folder.UidValidity && folder.UidValidity != 0);
            if (renamed >= 0)
            {
                folders[vanished[renamed].Key] = new FolderMapEntry(folder.Name, folder.UidValidity);
                vanished.RemoveAt(renamed);
                continue;
            }

            folders[(next++).ToString(CultureInfo.InvariantCulture)] = new FolderMapEntry(folder.Name, folder.UidValidity);
        }

        foreach (var gone in vanished) folders.Remove(gone.Key);
        var updated = this with { NextId = next, Folders = folders.ToImmutable() };
        return updated.Folders.SequenceEqual(Folders) && next == NextId ? this : updated;
    }

    /// <summary>Records a rename this server made, before the next listing shows it.</summary>
    public FolderMap Renamed(string id, string newName) =>
        Folders.TryGetValue(id, out var entry) ? this with { Folders = Folders.SetItem(id, entry with { Name = newName }) } : this;
}

/// <summary>A mapped folder: its IMAP name and the UIDVALIDITY seen last.</summary>
public sealed record FolderMapEntry(string Name, uint UidValidity);
