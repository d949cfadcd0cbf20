namespace Eas.Wire.CodePages;

/// <summary>Code page 22, Email2 (MS-ASWBXML 2.1.2.1.23).</summary>
public static class Email2
{
    public const byte PageNumber = 22;
    public const string Namespace = "Email2";

    public const ushort UmCallerID = 0x1605;
    public const ushort UmUserNotes = 0x1606;
    public const ushort UmAttDuration = 0x1607;
    public const ushort UmAttOrder = 0x1608;
    public const ushort ConversationId = 0x1609;
    public const ushort ConversationIndex = 0x160A;
    public const ushort LastVerbExecuted = 0x160B;
    public const ushort LastVerbExecutionTime = 0x160C;
    public const ushort ReceivedAsBcc = 0x160D;
    public const ushort Sender = 0x160E;
    public const ushort CalendarType = 0x160F;
    public const ushort IsLeapMonth = 0x1610;
    public const ushort AccountId = 0x1611;
    public const ushort FirstDayOfWeek = 0x1612;
    public const ushort MeetingMessageType = 0x1613;
    public const ushort IsDraft = 0x1615;
    public const ushort Bcc = 0x1616;
    public const ushort Send = 0x1617;
}
