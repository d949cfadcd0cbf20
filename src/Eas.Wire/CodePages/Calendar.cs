namespace Eas.Wire.CodePages;

/// <summary>Code page 4, Calendar (MS-ASWBXML 2.1.2.1.5).</summary>
public static class Calendar
{
    public const byte PageNumber = 4;
    public const string Namespace = "Calendar";

    public const ushort Timezone = 0x0405;
    public const ushort AllDayEvent = 0x0406;
    public const ushort Attendees = 0x0407;
    public const ushort Attendee = 0x0408;
    public const ushort Email = 0x0409;
    public const ushort Name = 0x040A;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort Body = 0x040B;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort BodyTruncated = 0x040C;
    public const ushort BusyStatus = 0x040D;
    public const ushort Categories = 0x040E;
    public const ushort Category = 0x040F;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort CompressedRTF = 0x0410;
    public const ushort DtStamp = 0x0411;
    public const ushort EndTime = 0x0412;
    public const ushort Exception = 0x0413;
    public const ushort Exceptions = 0x0414;
    public const ushort Deleted = 0x0415;
    public const ushort ExceptionStartTime = 0x0416;
    public const ushort Location = 0x0417;
    public const ushort MeetingStatus = 0x0418;
    public const ushort OrganizerEmail = 0x0419;
    public const ushort OrganizerName = 0x041A;
    public const ushort Recurrence = 0x041B;
    public const ushort Type = 0x041C;
    public const ushort Until = 0x041D;
    public const ushort Occurrences = 0x041E;
    public const ushort Interval = 0x041F;
    public const ushort DayOfWeek = 0x0420;
    public const ushort DayOfMonth = 0x0421;
    public const ushort WeekOfMonth = 0x0422;
    public const ushort MonthOfYear = 0x0423;
    public const ushort Reminder = 0x0424;
    public const ushort Sensitivity = 0x0425;
    public const ushort Subject = 0x0426;
    public const ushort StartTime = 0x0427;
    public const ushort UID = 0x0428;
    public const ushort AttendeeStatus = 0x0429;
    public const ushort AttendeeType = 0x042A;
    public const ushort DisallowNewTimeProposal = 0x0433;
    public const ushort ResponseRequested = 0x0434;
    public const ushort AppointmentReplyTime = 0x0435;
    public const ushort ResponseType = 0x0436;
    public const ushort CalendarType = 0x0437;
    public const ushort IsLeapMonth = 0x0438;
    public const ushort FirstDayOfWeek = 0x0439;
    public const ushort OnlineMeetingConfLink = 0x043A;
    public const ushort OnlineMeetingExternalLink = 0x043B;
    public const ushort ClientUid = 0x043C;
}
