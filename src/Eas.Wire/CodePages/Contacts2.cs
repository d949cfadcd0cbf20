namespace Eas.Wire.CodePages;

/// <summary>Code page 12, Contacts2 (MS-ASWBXML 2.1.2.1.13).</summary>
public static class Contacts2
{
    public const byte PageNumber = 12;
    public const string Namespace = "Contacts2";

    public const ushort CustomerId = 0x0C05;
    public const ushort GovernmentId = 0x0C06;
    public const ushort IMAddress = 0x0C07;
    public const ushort IMAddress2 = 0x0C08;
    public const ushort IMAddress3 = 0x0C09;
    public const ushort ManagerName = 0x0C0A;
    public const ushort CompanyMainPhone = 0x0C0B;
    public const ushort AccountName = 0x0C0C;
    public const ushort NickName = 0x0C0D;
    public const ushort MMS = 0x0C0E;
}
