using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap.Fetch;

/// <summary>Reads the ENVELOPE structure of RFC 3501 section 7.4.2 (grammar <c>envelope</c> in section 9).</summary>
internal static class ImapEnvelopeParser
{
    public static ImapEnvelope Parse(ImapValue value)
    {
        var items = ImapData.List(value, "ENVELOPE").Items;
        if (items.Count != 10)
            throw ImapData.Malformed($"ENVELOPE should have 10 fields but has {items.Count}");
        return new ImapEnvelope(
            ImapData.NString(items[0], "the envelope date"),
            ImapData.NString(items[1], "the envelope subject"),
            Addresses(items[2], "from"),
            Addresses(items[3], "sender"),
            Addresses(items[4], "reply-to"),
            Addresses(items[5], "to"),
            Addresses(items[6], "cc"),
            Addresses(items[7], "bcc"),
            ImapData.NString(items[8], "the envelope in-reply-to"),
            ImapData.NString(items[9], "the envelope message-id"));
    }

    private static IReadOnlyList<ImapAddress> Addresses(ImapValue value, string field)
    {
        if (ImapData.NList(value, $"the envelope {field} addresses") is not { } list) return [];
        var result = new List<ImapAddress>(list.Items.Count);
        string? group = null;
        List<ImapMailboxAddress>? members = null;
        foreach (var item in list.Items)
        {
            var address = Address(item, field);
            if (address is { Host: null, Mailbox: { } groupName } && group is null)
            {
                group = groupName;
                members = [];
            }
            else if (address is { Host: null, Mailbox: null })
            {
                if (group is null) throw ImapData.Malformed($"the envelope {field} addresses end a group that was never started");
                result.Add(new ImapGroupAddress(group, members!));
                group = null;
                members = null;
            }
            else if (members is not null)
            {
                members.Add(address);
            }
            else
            {
                result.Add(address);
            }
        }

        // A group left open (a server that drops the end marker) still keeps its members.
        if (group is not null) result.Add(new ImapGroupAddress(group, members!));
        return result;
    }

    private static ImapMailboxAddress Address(ImapValue value, string field)
    {
        var parts = ImapData.List(value, $"an envelope {field} address").Items;
        if (parts.Count != 4)
            throw ImapData.Malformed($"an envelope {field} address should have 4 fields but has {parts.Count}");
        return new ImapMailboxAddress(
            ImapData.NString(parts[0], "an address name"),
            ImapData.NString(parts[1], "an address route"),
            ImapData.NString(parts[2], "an address mailbox"),
            ImapData.NString(parts[3], "an address host"));
    }
}
