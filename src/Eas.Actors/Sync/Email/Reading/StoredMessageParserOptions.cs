using System.Text;
using MimeKit;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// The MimeKit parser options for messages read from the store, which may come from anyone. Every compliance
/// mode stays loose (broken mail is read the way mail clients read it), and the bounds MimeKit offers are set
/// low enough that a hostile message cannot make the parser recurse deeply: MIME nesting beyond
/// <see cref="MaxMimeDepth"/> is read as one leaf part (RFC 2046 sets no limit; real mail rarely nests past 6),
/// address groups beyond 3 levels are not expanded. Raw 8-bit header text (RFC 6532 allows UTF-8; older mailers
/// wrote their local charset) is decoded as UTF-8 when valid, else as ISO-8859-1. MimeKit has no bound on the
/// size of one header block; headers are read in one linear pass and the message's size is bounded by the store.
/// </summary>
public static class StoredMessageParserOptions
{
    /// <summary>The deepest nesting of multiparts and encapsulated messages that is taken apart.</summary>
    public const int MaxMimeDepth = 32;

    /// <summary>The options; a fresh copy per call, since <see cref="ParserOptions"/> is mutable.</summary>
    public static ParserOptions Create() => new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Loose,
        ParameterComplianceMode = RfcComplianceMode.Loose,
        Rfc2047ComplianceMode = RfcComplianceMode.Loose,
        AllowAddressesWithoutDomain = true,
        AllowUnquotedCommasInAddresses = true,
        MaxAddressGroupDepth = 3,
        MaxMimeDepth = MaxMimeDepth,
        RespectContentLength = false,
        CharsetEncoding = Encoding.Latin1,
    };
}
