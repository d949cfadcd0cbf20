using System.Buffers.Binary;
using NodaTime;

namespace Eas.Actors.Sync.Calendar.TimeZones;

/// <summary>
/// The SYSTEMTIME of a TimeZone blob's StandardDate or DaylightDate (MS-ASDTYPE 2.7.1, eight little-endian 16-bit
/// fields). With <see cref="Year"/> 0 it is the recurring day-of-week form: the transition is on the
/// <see cref="Day"/>-th (1-4, 5 = last) <see cref="DayOfWeek"/> (0 = Sunday) of <see cref="Month"/>, every year; with a
/// year it is that one date. <see cref="Month"/> 0 means the zone has no such transition (no daylight time).
/// </summary>
public readonly record struct SystemTime(
    ushort Year, ushort Month, ushort DayOfWeek, ushort Day, ushort Hour, ushort Minute, ushort Second, ushort Milliseconds)
{
    /// <summary>The size of a SYSTEMTIME in the blob.</summary>
    public const int Length = 16;

    /// <summary>No transition (all fields zero).</summary>
    public static SystemTime None => default;

    /// <summary>Whether this names a transition at all.</summary>
    public bool IsSet => Month is >= 1 and <= 12;

    /// <summary>The recurring form of a transition at <paramref name="local"/>: the same weekday occurrence every year (5 when it is the month's last).</summary>
    public static SystemTime Recurring(LocalDateTime local)
    {
        var daysInMonth = local.Calendar.GetDaysInMonth(local.Year, local.Month);
        var occurrence = local.Day + 7 > daysInMonth ? 5 : (local.Day - 1) / 7 + 1;
        return new SystemTime(0, (ushort)local.Month, (ushort)((int)local.DayOfWeek % 7), (ushort)occurrence,
            (ushort)local.Hour, (ushort)local.Minute, (ushort)local.Second, (ushort)local.Millisecond);
    }

    /// <summary>
    /// The local date and time of the transition in <paramref name="year"/>; null when not set. An absolute date of
    /// another year is taken as the same day of <paramref name="year"/> (the nearest reading of a one-off rule).
    /// </summary>
    public LocalDateTime? InYear(int year)
    {
        if (!IsSet) return null;
        var first = new LocalDate(year, Month, 1);
        var daysInMonth = first.Calendar.GetDaysInMonth(year, Month);
        LocalDate date;
        if (Year != 0)
        {
            date = new LocalDate(year, Month, Math.Clamp((int)Day, 1, daysInMonth));
        }
        else
        {
            var weekday = DayOfWeek % 7 == 0 ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(DayOfWeek % 7);
            var firstMatch = first.DayOfWeek == weekday ? first : first.Next(weekday);
            var day = firstMatch.Day + 7 * (Math.Clamp((int)Day, 1, 5) - 1);
            while (day > daysInMonth) day -= 7;
            date = new LocalDate(year, Month, day);
        }

        return date.AtMidnight()
            .PlusHours(Hour).PlusMinutes(Minute).PlusSeconds(Second).PlusMilliseconds(Milliseconds);
    }

    internal static SystemTime Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(bytes), BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]),
        BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]),
        BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]),
        BinaryPrimitives.ReadUInt16LittleEndian(bytes[12..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[14..]));

    internal void Write(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, Year);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[2..], Month);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[4..], DayOfWeek);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[6..], Day);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[8..], Hour);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[10..], Minute);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[12..], Second);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[14..], Milliseconds);
    }
}
