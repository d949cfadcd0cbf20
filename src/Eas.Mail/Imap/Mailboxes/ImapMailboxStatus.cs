using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap.Mailboxes;

/// <summary>The STATUS data items (RFC 3501 section 6.3.10 and the extensions named on each).</summary>
[Flags]
public enum ImapStatusItems
{
    None = 0,
    Messages = 1 << 0,

    /// <summary>RECENT: IMAP4rev1 only; RFC 9051 dropped it.</summary>
    Recent = 1 << 1,
    UidNext = 1 << 2,
    UidValidity = 1 << 3,
    Unseen = 1 << 4,

    /// <summary>HIGHESTMODSEQ (RFC 7162 section 3.1.2); sent only where CONDSTORE is offered.</summary>
    HighestModSeq = 1 << 5,

    /// <summary>SIZE (RFC 8438); sent only where STATUS=SIZE is offered.</summary>
    Size = 1 << 6,

    /// <summary>MAILBOXID (RFC 8474 section 4.1); sent only where OBJECTID is offered.</summary>
    MailboxId = 1 << 7,

    /// <summary>What folder synchronisation needs; items the server does not offer are left out.</summary>
    Standard = Messages | UidNext | UidValidity | Unseen | HighestModSeq | Size | MailboxId,
}

/// <summary>A mailbox's STATUS response (RFC 3501 section 7.2.4); items not asked for or not sent are null.</summary>
public sealed record ImapMailboxStatus
{
    public uint? Messages { get; init; }

    public uint? Recent { get; init; }

    public uint? UidNext { get; init; }

    public uint? UidValidity { get; init; }

    public uint? Unseen { get; init; }

    /// <summary>The highest mod-sequence of the mailbox (RFC 7162); 0 from a server that keeps none for it.</summary>
    public ulong? HighestModSeq { get; init; }

    /// <summary>Total size of the messages in octets (RFC 8438).</summary>
    public ulong? Size { get; init; }

    /// <summary>The mailbox's stable id (RFC 8474).</summary>
    public string? MailboxId { get; init; }

    /// <summary>
    /// This status updated with the items <paramref name="newer"/> carries; items it lacks keep their value. For
    /// NOTIFY's STATUS responses, which carry only what changed (<see cref="ImapMailboxStatusChanged"/>).
    /// </summary>
    public ImapMailboxStatus Apply(ImapMailboxStatus newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return new ImapMailboxStatus
        {
            Messages = newer.Messages ?? Messages,
            Recent = newer.Recent ?? Recent,
            UidNext = newer.UidNext ?? UidNext,
            UidValidity = newer.UidValidity ?? UidValidity,
            Unseen = newer.Unseen ?? Unseen,
            HighestModSeq = newer.HighestModSeq ?? HighestModSeq,
            Size = newer.Size ?? Size,
            MailboxId = newer.MailboxId ?? MailboxId,
        };
    }

    /// <summary>Reads the attribute list of <c>* STATUS name (MESSAGES 3 UIDNEXT 9 ...)</c>; unknown items are skipped.</summary>
    internal static ImapMailboxStatus Parse(ImapValue value)
    {
        var items = ImapData.List(value, "the STATUS data").Items;
        if (items.Count % 2 != 0) throw ImapData.Malformed("STATUS items should come in name/value pairs");
        var status = new ImapMailboxStatus();
        for (var i = 0; i < items.Count; i += 2)
        {
            var name = ImapData.Atom(items[i], "a STATUS item").ToUpperInvariant();
            var item = items[i + 1];
            status = name switch
            {
                "MESSAGES" => status with { Messages = ImapData.Number32(item, name) },
                "RECENT" => status with { Recent = ImapData.Number32(item, name) },
                "UIDNEXT" => status with { UidNext = ImapData.Number32(item, name) },
                "UIDVALIDITY" => status with { UidValidity = ImapData.Number32(item, name) },
                "UNSEEN" => status with { Unseen = ImapData.Number32(item, name) },
                "HIGHESTMODSEQ" => status with { HighestModSeq = ImapData.Number(item, name) },
                "SIZE" => status with { Size = ImapData.Number(item, name) },
                "MAILBOXID" => status with { MailboxId = ObjectId(item) },
                _ => status,
            };
        }

        return status;
    }

    /// <summary>An <c>objectid</c> in parentheses, <c>MAILBOXID (F2212ea87-6097)</c> (RFC 8474 section 7).</summary>
    internal static string ObjectId(ImapValue value)
    {
        var list = ImapData.List(value, "MAILBOXID");
        return list.Items.Count == 1 ? ImapData.String(list.Items[0], "MAILBOXID") : throw ImapData.Malformed($"MAILBOXID should hold one id but is {list}");
    }

    /// <summary>The STATUS item names for <paramref name="items"/>, minus those the server does not offer.</summary>
    internal static List<string> ItemNames(ImapStatusItems items, ImapCapabilities capabilities)
    {
        var names = new List<string>(8);
        if (items.HasFlag(ImapStatusItems.Messages)) names.Add("MESSAGES");
        if (items.HasFlag(ImapStatusItems.Recent)) names.Add("RECENT");
        if (items.HasFlag(ImapStatusItems.UidNext)) names.Add("UIDNEXT");
        if (items.HasFlag(ImapStatusItems.UidValidity)) names.Add("UIDVALIDITY");
        if (items.HasFlag(ImapStatusItems.Unseen)) names.Add("UNSEEN");
        if (items.HasFlag(ImapStatusItems.HighestModSeq) && capabilities.Contains("CONDSTORE")) names.Add("HIGHESTMODSEQ");
        if (items.HasFlag(ImapStatusItems.Size) && capabilities.Contains("STATUS=SIZE")) names.Add("SIZE");
        if (items.HasFlag(ImapStatusItems.MailboxId) && capabilities.Contains("OBJECTID")) names.Add("MAILBOXID");
        return names;
    }
}
