using System.Globalization;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using NodaTime;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// Whether an appointment is in a FilterType window (MS-ASCMD 2.2.3.68; calendar uses 0 and 4-7, two weeks to six
/// months back from now, <see cref="SyncFilter"/>): a single event when it ends after the window's start; a series
/// when its last occurrence can end after it (no end, UNTIL after it, or COUNT occurrences reaching it, counted
/// generously: a series is never left out that has an occurrence in the window); or when one of its changed
/// occurrences ends after it. An object that cannot be read is in (Build then skips it with its log line).
/// </summary>
internal static class CalendarWindow
{
    public static bool Contains(string content, SyncFilterType filter, DateTimeOffset now)
    {
        if (SyncFilter.Since(filter, now) is not { } since) return true;
        var windowStart = Instant.FromDateTimeOffset(since);
        CalendarItem item;
        try
        {
            item = CalendarCodec.ReadItem(CalendarDocument.Parse(content), []);
        }
        catch (PimContentException)
        {
            return true;
        }

        var start = CompactTime.Parse(item[CalendarPage.StartTime]!);
        var end = CompactTime.Parse(item[CalendarPage.EndTime]!);
        if (end >= windowStart) return true;
        if (item.Exceptions.Any(e => !e.Deleted && e.Changes[CalendarPage.EndTime] is { } x && CompactTime.Parse(x) >= windowStart)) return true;
        if (item.Recurrence is not { } recurrence) return false;
        var length = end - start;
        if (recurrence.TryGetValue(CalendarPage.Until, out var until)) return CompactTime.Parse(until) + length >= windowStart;
        if (!recurrence.TryGetValue(CalendarPage.Occurrences, out var countText)) return true;
        var count = int.Parse(countText, CultureInfo.InvariantCulture);
        var interval = recurrence.TryGetValue(CalendarPage.Interval, out var i) ? Math.Max(1, int.Parse(i, CultureInfo.InvariantCulture)) : 1;
        var days = recurrence.GetValueOrDefault(CalendarPage.Type) switch { "0" => 1, "1" => 7, "2" or "3" => 31, _ => 366 };
        var last = start + Duration.FromDays((double)days * interval * Math.Max(0, count - 1));
        return last + length >= windowStart;
    }
}
