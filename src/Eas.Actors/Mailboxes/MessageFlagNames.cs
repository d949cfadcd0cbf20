namespace Eas.Actors.Mailboxes;

/// <summary>The one mapping between <see cref="MessageFlags"/> and IMAP flag names (RFC 3501 2.3.2; $Forwarded from RFC 5788's registry), both ways.</summary>
public static class MessageFlagNames
{
    private static readonly (MessageFlags Flag, string Name)[] Table =
    [
        (MessageFlags.Seen, @"\Seen"),
        (MessageFlags.Flagged, @"\Flagged"),
        (MessageFlags.Answered, @"\Answered"),
        (MessageFlags.Forwarded, "$Forwarded"),
        (MessageFlags.Draft, @"\Draft"),
        (MessageFlags.Deleted, @"\Deleted"),
    ];

    /// <summary>The IMAP names of the set flags.</summary>
    public static string[] Of(MessageFlags flags) => [.. Table.Where(entry => flags.HasFlag(entry.Flag)).Select(entry => entry.Name)];

    /// <summary>The flags among IMAP names (case-insensitive, as RFC 3501 compares them); other keywords are ignored.</summary>
    public static MessageFlags Parse(IEnumerable<string>? names)
    {
        var result = MessageFlags.None;
        foreach (var name in names ?? [])
            foreach (var (flag, known) in Table)
                if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase)) result |= flag;
        return result;
    }
}
