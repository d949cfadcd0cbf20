namespace Eas.Wire.CodePages;

/// <summary>Code page 16, GAL (MS-ASWBXML 2.1.2.1.17).</summary>
public static class GAL
{
    public const byte PageNumber = 16;
    public const string Namespace = "GAL";

    public const ushort DisplayName = 0x1005;
    public const ushort Phone = 0x1006;
    public const ushort Office = 0x1007;
    public const ushort Title = 0x1008;
    public const ushort Company = 0x1009;
    public const ushort Alias = 0x100A;
    public const ushort FirstName = 0x100B;
    public const ushort LastName = 0x100C;
    public const ushort HomePhone = 0x100D;
    public const ushort MobilePhone = 0x100E;
    public const ushort EmailAddress = 0x100F;
    public const ushort Picture = 0x1010;
    public const ushort Status = 0x1011;
    public const ushort Data = 0x1012;
}
