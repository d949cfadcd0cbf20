namespace Eas.Wire.CodePages;

/// <summary>Code page 21, ComposeMail (MS-ASWBXML 2.1.2.1.22).</summary>
public static class ComposeMail
{
    public const byte PageNumber = 21;
    public const string Namespace = "ComposeMail";

    public const ushort SendMail = 0x1505;
    public const ushort SmartForward = 0x1506;
    public const ushort SmartReply = 0x1507;
    public const ushort SaveInSentItems = 0x1508;
    public const ushort ReplaceMime = 0x1509;
    public const ushort Source = 0x150B;
    public const ushort FolderId = 0x150C;
    public const ushort ItemId = 0x150D;
    public const ushort LongId = 0x150E;
    public const ushort InstanceId = 0x150F;
    public const ushort Mime = 0x1510;
    public const ushort ClientId = 0x1511;
    public const ushort Status = 0x1512;
    public const ushort AccountId = 0x1513;
    public const ushort Forwardees = 0x1515;
    public const ushort Forwardee = 0x1516;
    public const ushort Name = 0x1517;
    public const ushort Email = 0x1518;
}
