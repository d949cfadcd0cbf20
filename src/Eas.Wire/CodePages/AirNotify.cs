namespace Eas.Wire.CodePages;

/// <summary>Code page 3, AirNotify (MS-ASWBXML 2.1.2.1.4).</summary>
/// <remarks>
/// The spec says this page is no longer in use: tokens 0x05 to 0x17 were defined for it, but it lists no tag
/// names, so this class has none and the codec treats every token on this page as unknown.
/// </remarks>
public static class AirNotify
{
    public const byte PageNumber = 3;
    public const string Namespace = "AirNotify";
}
