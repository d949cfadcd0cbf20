namespace Eas.Wire.CodePages;

/// <summary>Code page 1, Contacts (MS-ASWBXML 2.1.2.1.2).</summary>
public static class Contacts
{
    public const byte PageNumber = 1;
    public const string Namespace = "Contacts";

    public const ushort Anniversary = 0x0105;
    public const ushort AssistantName = 0x0106;
    public const ushort AssistantPhoneNumber = 0x0107;
    public const ushort Birthday = 0x0108;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort Body = 0x0109;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort BodySize = 0x010A;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort BodyTruncated = 0x010B;
    public const ushort Business2PhoneNumber = 0x010C;
    public const ushort BusinessAddressCity = 0x010D;
    public const ushort BusinessAddressCountry = 0x010E;
    public const ushort BusinessAddressPostalCode = 0x010F;
    public const ushort BusinessAddressState = 0x0110;
    public const ushort BusinessAddressStreet = 0x0111;
    public const ushort BusinessFaxNumber = 0x0112;
    public const ushort BusinessPhoneNumber = 0x0113;
    public const ushort CarPhoneNumber = 0x0114;
    public const ushort Categories = 0x0115;
    public const ushort Category = 0x0116;
    public const ushort Children = 0x0117;
    public const ushort Child = 0x0118;
    public const ushort CompanyName = 0x0119;
    public const ushort Department = 0x011A;
    public const ushort Email1Address = 0x011B;
    public const ushort Email2Address = 0x011C;
    public const ushort Email3Address = 0x011D;
    public const ushort FileAs = 0x011E;
    public const ushort FirstName = 0x011F;
    public const ushort Home2PhoneNumber = 0x0120;
    public const ushort HomeAddressCity = 0x0121;
    public const ushort HomeAddressCountry = 0x0122;
    public const ushort HomeAddressPostalCode = 0x0123;
    public const ushort HomeAddressState = 0x0124;
    public const ushort HomeAddressStreet = 0x0125;
    public const ushort HomeFaxNumber = 0x0126;
    public const ushort HomePhoneNumber = 0x0127;
    public const ushort JobTitle = 0x0128;
    public const ushort LastName = 0x0129;
    public const ushort MiddleName = 0x012A;
    public const ushort MobilePhoneNumber = 0x012B;
    public const ushort OfficeLocation = 0x012C;
    public const ushort OtherAddressCity = 0x012D;
    public const ushort OtherAddressCountry = 0x012E;
    public const ushort OtherAddressPostalCode = 0x012F;
    public const ushort OtherAddressState = 0x0130;
    public const ushort OtherAddressStreet = 0x0131;
    public const ushort PagerNumber = 0x0132;
    public const ushort RadioPhoneNumber = 0x0133;
    public const ushort Spouse = 0x0134;
    public const ushort Suffix = 0x0135;
    public const ushort Title = 0x0136;
    public const ushort WebPage = 0x0137;
    public const ushort YomiCompanyName = 0x0138;
    public const ushort YomiFirstName = 0x0139;
    public const ushort YomiLastName = 0x013A;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort CompressedRTF = 0x013B;
    public const ushort Picture = 0x013C;
    public const ushort Alias = 0x013D;
    public const ushort WeightedRank = 0x013E;
}
