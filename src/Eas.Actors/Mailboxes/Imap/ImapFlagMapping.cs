using MailKit;
using ImapFlags = MailKit.MessageFlags;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Between MailKit's split of a message's flags (system flags as <see cref="ImapFlags"/>, keywords such as
/// <c>$Forwarded</c> as strings) and the flag names of RFC 3501 2.3.2 that <see cref="MessageFlagNames"/> reads.
/// </summary>
internal static class ImapFlagMapping
{
    private static readonly (ImapFlags Flag, string Name)[] SystemFlags =
    [
        (ImapFlags.Seen, @"\Seen"),
        (ImapFlags.Answered, @"\Answered"),
        (ImapFlags.Flagged, @"\Flagged"),
        (ImapFlags.Deleted, @"\Deleted"),
        (ImapFlags.Draft, @"\Draft"),
    ];

    /// <summary>Every flag name of a fetched message: its system flags and its keywords.</summary>
    public static IReadOnlyList<string> NamesOf(IMessageSummary summary)
    {
        // Called for every message of every Sync window: bit tests and one list of the right size, nothing else allocated.
        var flags = summary.Flags ?? ImapFlags.None;
        var keywords = summary.Keywords;
        var names = new List<string>(SystemFlags.Length + (keywords?.Count ?? 0));
        foreach (var (flag, name) in SystemFlags)
            if ((flags & flag) != 0) names.Add(name);
        if (keywords is not null) names.AddRange(keywords);
        return names;
    }

    /// <summary><paramref name="flags"/> as MailKit's system flags and keywords, for STORE and APPEND.</summary>
    public static (ImapFlags System, HashSet<string> Keywords) Split(MessageFlags flags)
    {
        var system = ImapFlags.None;
        var keywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in MessageFlagNames.Of(flags))
        {
            var known = SystemFlags.FirstOrDefault(entry => entry.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known.Name is null) keywords.Add(name);
            else system |= known.Flag;
        }

        return (system, keywords);
    }
}
