using Eas.Wire.CodePages;
using Eas.Wire.Http;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Which contact elements each protocol version has (MS-ASCNTC 2.2.2, each element's version note): the body is
/// contacts:Body/BodySize/BodyTruncated in 2.5 and airsyncbase:Body from 12.0 (2.2.2.7.1, 2.2.2.7.2); Alias and
/// WeightedRank are 14.0+ (2.2.2.2, 2.2.2.64); every other Contacts and Contacts2 element is in all versions (MS-ASWBXML
/// 2.1.2.1.2 and 2.1.2.1.13 list Contacts2 for all). CompressedRTF is a token of old revisions that no version writes.
/// </summary>
internal static class ContactVersionRules
{
    public static bool Allows(ushort tag, ProtocolVersion version) => tag switch
    {
        ContactsPage.Body or ContactsPage.BodySize or ContactsPage.BodyTruncated => version == ProtocolVersion.V25,
        AirSyncBase.Body => version >= ProtocolVersion.V120,
        ContactsPage.Alias or ContactsPage.WeightedRank => version >= ProtocolVersion.V140,
        ContactsPage.CompressedRTF => false,
        _ => true,
    };
}
