namespace Eas.Wire.Wbxml;

/// <summary>The WBXML 1.3 global tokens (WAP-192 section 7.1) and the header values EAS uses (MS-ASWBXML 2.1.2).</summary>
internal static class WbxmlGlobalTokens
{
    public const byte SwitchPage = 0x00;
    public const byte End = 0x01;
    public const byte Entity = 0x02;
    public const byte StrI = 0x03;
    public const byte Literal = 0x04;
    public const byte Pi = 0x43;
    public const byte StrT = 0x83;
    public const byte Opaque = 0xC3;

    /// <summary>Tag bit: the element has content and ends with END.</summary>
    public const byte ContentBit = 0x40;

    /// <summary>Tag bit: the element has attributes (never in EAS).</summary>
    public const byte AttributeBit = 0x80;

    public const byte Version13 = 0x03;
    public const byte PublicIdUnknown = 0x01;
    public const byte CharsetUtf8 = 0x6A;
}
