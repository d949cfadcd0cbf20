namespace Eas.Wire.CodePages;

/// <summary>Code page 10, ResolveRecipients (MS-ASWBXML 2.1.2.1.11).</summary>
public static class ResolveRecipients
{
    public const byte PageNumber = 10;
    public const string Namespace = "ResolveRecipients";

    /// <summary>The spec's <c>ResolveRecipients</c> tag, renamed because C# forbids a member named like its class.</summary>
    [SpecName("ResolveRecipients")]
    public const ushort ResolveRecipientsElement = 0x0A05;
    public const ushort Response = 0x0A06;
    public const ushort Status = 0x0A07;
    public const ushort Type = 0x0A08;
    public const ushort Recipient = 0x0A09;
    public const ushort DisplayName = 0x0A0A;
    public const ushort EmailAddress = 0x0A0B;
    public const ushort Certificates = 0x0A0C;
    public const ushort Certificate = 0x0A0D;
    public const ushort MiniCertificate = 0x0A0E;
    public const ushort Options = 0x0A0F;
    public const ushort To = 0x0A10;
    public const ushort CertificateRetrieval = 0x0A11;
    public const ushort RecipientCount = 0x0A12;
    public const ushort MaxCertificates = 0x0A13;
    public const ushort MaxAmbiguousRecipients = 0x0A14;
    public const ushort CertificateCount = 0x0A15;
    public const ushort Availability = 0x0A16;
    public const ushort StartTime = 0x0A17;
    public const ushort EndTime = 0x0A18;
    public const ushort MergedFreeBusy = 0x0A19;
    public const ushort Picture = 0x0A1A;
    public const ushort MaxSize = 0x0A1B;
    public const ushort Data = 0x0A1C;
    public const ushort MaxPictures = 0x0A1D;
}
