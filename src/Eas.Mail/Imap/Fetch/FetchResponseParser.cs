using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap.Fetch;

/// <summary>One <c>msg-att</c> of a FETCH response: its name, optional section and origin, and value.</summary>
/// <param name="Name">The upper-cased item name, e.g. <c>UID</c>, <c>BODY</c>, <c>BINARY.SIZE</c>.</param>
/// <param name="Section">The bracketed section of <c>BODY[...]</c>, <c>BINARY[...]</c>; null if none.</param>
/// <param name="Origin">The <c>&lt;n&gt;</c> origin of a partial fetch; null if none.</param>
/// <param name="Value">The item's value.</param>
internal readonly record struct FetchItem(string Name, ImapList? Section, ulong? Origin, ImapValue Value);

/// <summary>Reads FETCH responses (RFC 3501 section 7.4.2, grammar <c>msg-att</c> in section 9).</summary>
internal static class FetchResponseParser
{
    /// <summary>The items of a FETCH response's parenthesized list.</summary>
    public static IReadOnlyList<FetchItem> Items(ImapResponse response)
    {
        if (response.Data.Count != 1 || response.Number is null or 0)
            throw ImapData.Malformed($"a FETCH response should be '* n FETCH (...)' but is {response}");
        var list = ImapData.List(response.Data[0], "the FETCH data").Items;
        var items = new List<FetchItem>(list.Count / 2);
        var index = 0;
        while (index < list.Count)
        {
            var name = ImapData.Atom(list[index++], "a FETCH item name").ToUpperInvariant();
            ImapList? section = null;
            ulong? origin = null;
            if (index < list.Count && list[index] is ImapList { IsSection: true } bracketed)
            {
                section = bracketed;
                index++;
                if (index < list.Count && list[index] is ImapAtom { Value: ['<', .., '>'] } partial)
                {
                    origin = ImapData.ParseNumber(partial.Value[1..^1], "a FETCH origin");
                    index++;
                }
            }

            if (index >= list.Count) throw ImapData.Malformed($"the FETCH item {name} has no value");
            items.Add(new FetchItem(name, section, origin, list[index++]));
        }

        return items;
    }

    /// <summary>Reads the items this client asks for into a <see cref="FetchedMessage"/>; unknown items are skipped.</summary>
    public static FetchedMessage Parse(ImapResponse response)
    {
        var items = Items(response);
        if (response.Number > uint.MaxValue) throw ImapData.Malformed($"the message number {response.Number} exceeds 32 bits");
        var message = new FetchedMessage { SequenceNumber = (uint)response.Number! };
        foreach (var item in items)
        {
            message = item switch
            {
                { Name: "UID" } => message with { Uid = ImapData.Number32(item.Value, "UID") },
                { Name: "FLAGS" } => message with { Flags = ImapData.Flags(item.Value, "FLAGS") },
                { Name: "MODSEQ" } => message with { ModSeq = ModSeq(item.Value) },
                { Name: "RFC822.SIZE" } => message with { Size = ImapData.Number(item.Value, "RFC822.SIZE") },
                { Name: "INTERNALDATE" } => message with { InternalDate = ImapData.DateTime(item.Value, "INTERNALDATE") },
                { Name: "ENVELOPE" } => message with { Envelope = ImapEnvelopeParser.Parse(item.Value) },
                { Name: "BODYSTRUCTURE" } or { Name: "BODY", Section: null } =>
                    message with { Body = ImapBodyStructureParser.Parse(item.Value) },
                { Name: "PREVIEW" } => message with { Preview = ImapData.NString(item.Value, "PREVIEW") },
                { Name: "BODY", Section: { Items: [ImapAtom { Value: var part }, ..] } }
                    when part.Equals("HEADER.FIELDS", StringComparison.OrdinalIgnoreCase) =>
                    message with { HeaderFields = Octets(item.Value) },
                _ => message,
            };
        }

        return message;
    }

    /// <summary>Combines two responses about the same message; the later one's items win.</summary>
    public static FetchedMessage Merge(FetchedMessage earlier, FetchedMessage later) => new()
    {
        Uid = later.Uid != 0 ? later.Uid : earlier.Uid,
        SequenceNumber = later.SequenceNumber,
        Flags = later.Flags ?? earlier.Flags,
        ModSeq = later.ModSeq ?? earlier.ModSeq,
        Size = later.Size ?? earlier.Size,
        InternalDate = later.InternalDate ?? earlier.InternalDate,
        Envelope = later.Envelope ?? earlier.Envelope,
        Body = later.Body ?? earlier.Body,
        Preview = later.Preview ?? earlier.Preview,
        HeaderFields = later.HeaderFields ?? earlier.HeaderFields,
    };

    /// <summary>The octets of an <c>nstring</c> item value (NIL is empty).</summary>
    public static ReadOnlyMemory<byte> Octets(ImapValue value) => value switch
    {
        ImapNil => ReadOnlyMemory<byte>.Empty,
        ImapString text => text.Bytes,
        _ => throw ImapData.Malformed($"a FETCH body section should be a string or NIL but is {value}"),
    };

    /// <summary>MODSEQ's value is a one-number list, <c>MODSEQ (624140003)</c> (RFC 7162 section 7).</summary>
    private static ulong ModSeq(ImapValue value)
    {
        var list = ImapData.List(value, "MODSEQ");
        return list.Items.Count == 1 ? ImapData.Number(list.Items[0], "MODSEQ") : throw ImapData.Malformed($"MODSEQ should hold one number but is {list}");
    }
}
