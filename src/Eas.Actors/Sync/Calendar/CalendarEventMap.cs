using Eas.Actors.Sync.Calendar.Ics;
using Eas.Actors.Sync.Calendar.TimeZones;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// One VEVENT to and from the phone's elements, through the property maps; the series' RRULE with it (MS-ASCAL
/// 2.2.2.37, <see cref="CalendarRecurrenceRule"/>, with CalendarType and IsLeapMonth in X-EAS-CALENDARTYPE and
/// X-EAS-ISLEAPMONTH). Writing changes only the properties whose elements changed between the item read from the
/// component and the item to store: everything else in the component stays as it was.
/// </summary>
internal static class CalendarEventMap
{
    public static (CalendarItem Item, CalendarZone Zone) Read(IcsComponent vevent, IcsComponent calendar, ICollection<string> notes)
    {
        var item = CalendarPropertyMap.Read(vevent, CalendarItem.Empty);
        item = CalendarPeopleMap.Read(vevent, item);
        item = CalendarStatusMap.Read(vevent, item);
        (item, var zone) = CalendarTimesMap.Read(vevent, calendar, item, notes);
        if (vevent.Value("RRULE") is { } rrule && IcsDateTime.Of(vevent.Property("DTSTART")!) is { } start)
        {
            var reading = CalendarRecurrenceRule.Read(rrule, start.Local, zone.Zone);
            if (reading.Dropped.Count > 0) notes.Add("RRULE beyond EAS, kept its nearest form without " + string.Join(", ", reading.Dropped));
            var fields = reading.Fields;
            if (fields is not null && vevent.Value("X-EAS-CALENDARTYPE") is { } calendarType) fields = fields.SetItem(CalendarPage.CalendarType, calendarType.Trim());
            if (fields is not null && vevent.Value("X-EAS-ISLEAPMONTH") is { } leap) fields = fields.SetItem(CalendarPage.IsLeapMonth, leap.Trim());
            item = item with { Recurrence = fields };
        }

        return (item, zone);
    }

    /// <summary>Writes what changed; returns the zone the event is in.</summary>
    public static CalendarZone Write(IcsComponent vevent, IcsComponent calendar, CalendarItem before, CalendarItem after, string itemId, bool series)
    {
        CalendarPropertyMap.Write(vevent, before, after);
        CalendarPeopleMap.Write(vevent, before, after);
        CalendarStatusMap.Write(vevent, before, after);
        var zone = CalendarTimesMap.Write(vevent, calendar, before, after, itemId);
        if (series && (!CalendarItem.SameRecurrence(before.Recurrence, after.Recurrence) || before[CalendarPage.AllDayEvent] != after[CalendarPage.AllDayEvent]
            || before[CalendarPage.Timezone] != after[CalendarPage.Timezone]))
        {
            var recurrence = after.Recurrence;
            vevent.SetValue("RRULE", recurrence is null ? null : CalendarRecurrenceRule.Write(recurrence, zone.Zone, after[CalendarPage.AllDayEvent] == "1"));
            vevent.SetValue("X-EAS-CALENDARTYPE", recurrence?.GetValueOrDefault(CalendarPage.CalendarType));
            vevent.SetValue("X-EAS-ISLEAPMONTH", recurrence?.GetValueOrDefault(CalendarPage.IsLeapMonth));
        }

        return zone;
    }
}
