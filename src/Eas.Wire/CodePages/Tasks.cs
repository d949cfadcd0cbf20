namespace Eas.Wire.CodePages;

/// <summary>Code page 9, Tasks (MS-ASWBXML 2.1.2.1.10).</summary>
public static class Tasks
{
    public const byte PageNumber = 9;
    public const string Namespace = "Tasks";

    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort Body = 0x0905;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort BodySize = 0x0906;
    /// <remarks>Protocol version 2.5 only.</remarks>
    public const ushort BodyTruncated = 0x0907;
    public const ushort Categories = 0x0908;
    public const ushort Category = 0x0909;
    public const ushort Complete = 0x090A;
    public const ushort DateCompleted = 0x090B;
    public const ushort DueDate = 0x090C;
    public const ushort UtcDueDate = 0x090D;
    public const ushort Importance = 0x090E;
    public const ushort Recurrence = 0x090F;
    public const ushort Type = 0x0910;
    public const ushort Start = 0x0911;
    public const ushort Until = 0x0912;
    public const ushort Occurrences = 0x0913;
    public const ushort Interval = 0x0914;
    public const ushort DayOfMonth = 0x0915;
    public const ushort DayOfWeek = 0x0916;
    public const ushort WeekOfMonth = 0x0917;
    public const ushort MonthOfYear = 0x0918;
    public const ushort Regenerate = 0x0919;
    public const ushort DeadOccur = 0x091A;
    public const ushort ReminderSet = 0x091B;
    public const ushort ReminderTime = 0x091C;
    public const ushort Sensitivity = 0x091D;
    public const ushort StartDate = 0x091E;
    public const ushort UtcStartDate = 0x091F;
    public const ushort Subject = 0x0920;
    /// <summary>Legacy: a token of earlier MS-ASWBXML revisions that old devices still send.</summary>
    public const ushort CompressedRTF = 0x0921;
    public const ushort OrdinalDate = 0x0922;
    public const ushort SubOrdinalDate = 0x0923;
    public const ushort CalendarType = 0x0924;
    public const ushort IsLeapMonth = 0x0925;
    public const ushort FirstDayOfWeek = 0x0926;
}
