namespace Eas.Wire.CodePages;

/// <summary>Code page 2, Email (MS-ASWBXML 2.1.2.1.3).</summary>
public static class Email
{
    public const byte PageNumber = 2;
    public const string Namespace = "Email";

    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort Attachment = 0x0205;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort Attachments = 0x0206;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort AttName = 0x0207;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort AttSize = 0x0208;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort Att0Id = 0x0209;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort AttMethod = 0x020A;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort AttRemoved = 0x020B;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort Body = 0x020C;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort BodySize = 0x020D;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort BodyTruncated = 0x020E;
    public const ushort DateReceived = 0x020F;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort DisplayName = 0x0210;
    public const ushort DisplayTo = 0x0211;
    public const ushort Importance = 0x0212;
    public const ushort MessageClass = 0x0213;
    public const ushort Subject = 0x0214;
    public const ushort Read = 0x0215;
    public const ushort To = 0x0216;
    public const ushort Cc = 0x0217;
    public const ushort From = 0x0218;
    public const ushort ReplyTo = 0x0219;
    public const ushort AllDayEvent = 0x021A;
    public const ushort Categories = 0x021B;
    public const ushort Category = 0x021C;
    public const ushort DtStamp = 0x021D;
    public const ushort EndTime = 0x021E;
    public const ushort InstanceType = 0x021F;
    public const ushort BusyStatus = 0x0220;
    public const ushort Location = 0x0221;
    public const ushort MeetingRequest = 0x0222;
    public const ushort Organizer = 0x0223;
    public const ushort RecurrenceId = 0x0224;
    public const ushort Reminder = 0x0225;
    public const ushort ResponseRequested = 0x0226;
    public const ushort Recurrences = 0x0227;
    public const ushort Recurrence = 0x0228;
    public const ushort Type = 0x0229;
    public const ushort Until = 0x022A;
    public const ushort Occurrences = 0x022B;
    public const ushort Interval = 0x022C;
    public const ushort DayOfWeek = 0x022D;
    public const ushort DayOfMonth = 0x022E;
    public const ushort WeekOfMonth = 0x022F;
    public const ushort MonthOfYear = 0x0230;
    public const ushort StartTime = 0x0231;
    public const ushort Sensitivity = 0x0232;
    public const ushort TimeZone = 0x0233;
    public const ushort GlobalObjId = 0x0234;
    public const ushort ThreadTopic = 0x0235;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort MIMEData = 0x0236;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort MIMETruncated = 0x0237;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort MIMESize = 0x0238;
    public const ushort InternetCPID = 0x0239;
    public const ushort Flag = 0x023A;
    public const ushort Status = 0x023B;
    public const ushort ContentClass = 0x023C;
    public const ushort FlagType = 0x023D;
    public const ushort CompleteTime = 0x023E;
    public const ushort DisallowNewTimeProposal = 0x023F;
}
