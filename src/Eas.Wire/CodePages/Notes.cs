namespace Eas.Wire.CodePages;

/// <summary>Code page 23, Notes (MS-ASWBXML 2.1.2.1.24).</summary>
public static class Notes
{
    public const byte PageNumber = 23;
    public const string Namespace = "Notes";

    public const ushort Subject = 0x1705;
    public const ushort MessageClass = 0x1706;
    public const ushort LastModifiedDate = 0x1707;
    public const ushort Categories = 0x1708;
    public const ushort Category = 0x1709;
}
