using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Maps a message's IMAP flags (RFC 9051 2.3.2) onto the EAS state an <see cref="EmailItem"/> carries:
/// <c>\Seen</c> is email:Read, <c>\Flagged</c> an active follow-up flag, <c>\Answered</c> and
/// <c>$Forwarded</c> the last verb, and the remaining keywords the categories. Flag names compare without
/// case, as IMAP does.
/// </summary>
public static class EmailImapFlags
{
    /// <summary>The read flag, email:Read.</summary>
    public const string Seen = "\\Seen";

    /// <summary>The follow-up flag, an active email:Flag.</summary>
    public const string Flagged = "\\Flagged";

    /// <summary>Replied to, email2:LastVerbExecuted 1.</summary>
    public const string Answered = "\\Answered";

    /// <summary>Forwarded (a keyword of the IANA IMAP keyword registry), email2:LastVerbExecuted 3.</summary>
    public const string Forwarded = "$Forwarded";

    /// <summary>Junk markers some clients set without the <c>$</c> of registered keywords.</summary>
    private static readonly FrozenSet<string> UnprefixedProtocolKeywords =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "Junk", "NonJunk", "NotJunk");

    /// <summary>
    /// The item with Read, Flag, Answered, Forwarded and Categories taken from <paramref name="flags"/>.
    /// IMAP knows only flagged or not, so the flag the item already carries (from the store, with the
    /// dates a client set) is kept when it agrees: an active one while <c>\Flagged</c> is set, a complete
    /// one while it is clear. Otherwise <c>\Flagged</c> gives <see cref="EmailFlag.FollowUp"/> and its
    /// absence no flag.
    /// </summary>
    public static EmailItem Apply(EmailItem item, IEnumerable<string> flags)
    {
        // A message has a handful of flags: a look through the list beats building a set for each message, and an
        // indexed look allocates no enumerator (five per message through the interface).
        var list = flags as IReadOnlyList<string> ?? [.. flags];
        var flagged = Has(list, Flagged);
        var flag = flagged
            ? item.Flag is { Status: EmailFlagStatus.Active } kept ? kept : EmailFlag.FollowUp
            : item.Flag is { Status: EmailFlagStatus.Complete } complete ? complete : null;
        return item with
        {
            Read = Has(list, Seen),
            Flag = flag,
            Answered = Has(list, Answered),
            Forwarded = Has(list, Forwarded),
            Categories = CategoriesOf(list),
        };
    }

    /// <summary>
    /// The keywords that are categories: everything except system flags (<c>\…</c>), keywords starting
    /// with <c>$</c> (the prefix of the IANA IMAP keyword registry, RFC 5788: <c>$Forwarded</c>,
    /// <c>$MDNSent</c>, <c>$Junk</c>, …, and client-private ones such as Thunderbird's <c>$label1</c>), and
    /// the unprefixed junk markers. Order is kept, duplicates (ignoring case) dropped.
    /// </summary>
    public static ImmutableArray<string> CategoriesOf(IEnumerable<string> flags) => CategoriesOf(flags as IReadOnlyList<string> ?? [.. flags]);

    private static ImmutableArray<string> CategoriesOf(IReadOnlyList<string> flags)
    {
        HashSet<string>? seen = null;
        ImmutableArray<string>.Builder? categories = null;
        for (var i = 0; i < flags.Count; i++)
        {
            var flag = flags[i];
            if (flag.Length == 0 || flag[0] is '\\' or '$' || UnprefixedProtocolKeywords.Contains(flag)) continue;
            seen ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            categories ??= ImmutableArray.CreateBuilder<string>();
            if (seen.Add(flag)) categories.Add(flag);
        }

        return categories?.ToImmutable() ?? [];
    }

    private static bool Has(IReadOnlyList<string> flags, string flag)
    {
        for (var i = 0; i < flags.Count; i++)
        {
            if (string.Equals(flags[i], flag, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }
}
