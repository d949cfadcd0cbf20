using System.Collections.Frozen;
using System.Globalization;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap.Fetch;

/// <summary>
/// Reads BODYSTRUCTURE and BODY (RFC 3501 section 7.4.2; grammar <c>body</c>, <c>body-type-1part</c>,
/// <c>body-type-mpart</c>, <c>body-ext-1part</c>, <c>body-ext-mpart</c> in section 9) into a tree of
/// <see cref="ImapBodyPart"/>, numbering the parts as section 6.4.5 does. Extension data is optional at every
/// step, as in the non-extensible BODY form.
/// </summary>
internal static class ImapBodyStructureParser
{
    public static readonly IReadOnlyDictionary<string, string> NoParameters =
        FrozenDictionary<string, string>.Empty.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses the structure of a whole message, whose parts are numbered from <c>1</c>.</summary>
    public static ImapBodyPart Parse(ImapValue value) => Body(value, "", isMessageBody: true);

    private static ImapBodyPart Body(ImapValue value, string number, bool isMessageBody)
    {
        var items = ImapData.List(value, "a body structure").Items;
        if (items.Count == 0) throw ImapData.Malformed("a body structure is an empty list");
        return items[0] is ImapList { IsSection: false } ? Multipart(items, number) : Single(items, number, isMessageBody);
    }

    private static ImapMultipart Multipart(IReadOnlyList<ImapValue> items, string number)
    {
        var parts = new List<ImapBodyPart>();
        var index = 0;
        while (index < items.Count && items[index] is ImapList { IsSection: false })
        {
            var child = (index + 1).ToString(CultureInfo.InvariantCulture);
            parts.Add(Body(items[index], number.Length == 0 ? child : $"{number}.{child}", isMessageBody: false));
            index++;
        }

        if (index >= items.Count) throw ImapData.Malformed("a multipart body structure lacks its subtype");
        var extension = new ExtensionReader(items, index + 1);
        return new ImapMultipart
        {
            PartSpecifier = number,
            MediaType = "multipart",
            MediaSubtype = ImapData.String(items[index], "a multipart subtype"),
            Parts = parts,
            Parameters = extension.Next(out var parameters) ? Parameters(parameters) : NoParameters,
            Disposition = extension.Next(out var disposition) ? Disposition(disposition) : null,
            Languages = extension.Next(out var languages) ? Languages(languages) : [],
            Location = extension.Next(out var location) ? ImapData.NString(location, "a body location") : null,
            Extensions = extension.Rest(),
        };
    }

    private static ImapBasicPart Single(IReadOnlyList<ImapValue> items, string number, bool isMessageBody)
    {
        if (items.Count < 7)
            throw ImapData.Malformed($"a single-part body structure should have at least 7 fields but has {items.Count}");
        var specifier = !isMessageBody ? number : number.Length == 0 ? "1" : $"{number}.1";
        var type = ImapData.String(items[0], "a body type");
        var subtype = ImapData.String(items[1], "a body subtype");
        var parameters = Parameters(items[2]);
        var id = ImapData.NString(items[3], "a body id");
        var description = ImapData.NString(items[4], "a body description");
        var encoding = ImapData.NString(items[5], "a body encoding") ?? "7BIT";
        var size = ImapData.Number(items[6], "a body size");

        var isMessage = type.Equals("message", StringComparison.OrdinalIgnoreCase)
            && (subtype.Equals("rfc822", StringComparison.OrdinalIgnoreCase) || subtype.Equals("global", StringComparison.OrdinalIgnoreCase))
            && items.Count >= 10 && items[7] is ImapList;
        var isText = type.Equals("text", StringComparison.OrdinalIgnoreCase);
        var next = isMessage ? 10 : isText ? 8 : 7;
        if (isText && items.Count < 8) throw ImapData.Malformed("a text body structure lacks its line count");

        var extension = new ExtensionReader(items, next);
        var md5 = extension.Next(out var md5Value) ? ImapData.NString(md5Value, "a body MD5") : null;
        var disposition = extension.Next(out var dispositionValue) ? Disposition(dispositionValue) : null;
        var languages = extension.Next(out var languageValue) ? Languages(languageValue) : [];
        var location = extension.Next(out var locationValue) ? ImapData.NString(locationValue, "a body location") : null;
        var rest = extension.Rest();

        if (isMessage)
        {
            return new ImapMessagePart
            {
                PartSpecifier = specifier, MediaType = type, MediaSubtype = subtype, Parameters = parameters,
                Id = id, Description = description, Encoding = encoding, Size = size,
                Envelope = ImapEnvelopeParser.Parse(items[7]),
                Body = Body(items[8], specifier, isMessageBody: true),
                Lines = ImapData.Number(items[9], "a message line count"),
                Md5 = md5, Disposition = disposition, Languages = languages, Location = location, Extensions = rest,
            };
        }

        return new ImapBasicPart
        {
            PartSpecifier = specifier, MediaType = type, MediaSubtype = subtype, Parameters = parameters,
            Id = id, Description = description, Encoding = encoding, Size = size,
            Lines = isText ? ImapData.Number(items[7], "a text line count") : null,
            Md5 = md5, Disposition = disposition, Languages = languages, Location = location, Extensions = rest,
        };
    }

    /// <summary><c>body-fld-param</c>: NIL or a list of name/value string pairs; the first of a repeated name wins.</summary>
    private static IReadOnlyDictionary<string, string> Parameters(ImapValue value)
    {
        if (ImapData.NList(value, "body parameters") is not { } list || list.Items.Count == 0) return NoParameters;
        if (list.Items.Count % 2 != 0) throw ImapData.Malformed($"body parameters should come in pairs but are {list}");
        var parameters = new Dictionary<string, string>(list.Items.Count / 2, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Items.Count; i += 2)
        {
            var name = ImapData.String(list.Items[i], "a body parameter name");
            parameters.TryAdd(name, ImapData.NString(list.Items[i + 1], "a body parameter value") ?? "");
        }

        return parameters;
    }

    /// <summary><c>body-fld-dsp</c>: NIL or <c>(type params)</c>.</summary>
    private static ImapContentDisposition? Disposition(ImapValue value)
    {
        if (ImapData.NList(value, "a body disposition") is not { } list) return null;
        if (list.Items.Count != 2) throw ImapData.Malformed($"a body disposition should have 2 fields but is {list}");
        return new ImapContentDisposition(ImapData.String(list.Items[0], "a disposition type"), Parameters(list.Items[1]));
    }

    /// <summary><c>body-fld-lang</c>: NIL, one string, or a list of strings.</summary>
    private static IReadOnlyList<string> Languages(ImapValue value) => value switch
    {
        ImapNil => [],
        ImapList list => list.Items.Select(item => ImapData.String(item, "a body language")).ToArray(),
        _ => [ImapData.String(value, "a body language")],
    };

    /// <summary>Walks the optional trailing extension fields.</summary>
    private sealed class ExtensionReader(IReadOnlyList<ImapValue> items, int index)
    {
        private int _index = index;

        public bool Next(out ImapValue value)
        {
            value = ImapNil.Instance;
            if (_index >= items.Count) return false;
            value = items[_index++];
            return true;
        }

        public IReadOnlyList<ImapValue> Rest()
        {
            var rest = _index < items.Count ? items.Skip(_index).ToArray() : [];
            _index = items.Count;
            return rest;
        }
    }
}
