using System.Collections.Immutable;
using Eas.Actors.Sync.Calendar.Ics;
using Eas.Actors.Sync.Calendar.TimeZones;
using NodaTime;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// Exceptions (MS-ASCAL 2.2.2.21, 2.2.2.22) as RFC 5545 has them: a deleted occurrence is an EXDATE of the master
/// (3.8.5.1) in the master's TZID form; a changed one is a VEVENT of the same UID with a RECURRENCE-ID (3.8.4.4) that
/// holds the whole occurrence (the master's values with the exception's changes), as other calendar clients expect.
/// Read back, an override's changes are what differs from the master, always with its StartTime and EndTime.
/// </summary>
internal static class CalendarExceptionsMap
{
    public static ImmutableArray<CalendarException> Read(CalendarDocument document, CalendarItem master, CalendarZone zone, ICollection<string> notes)
    {
        var exceptions = new Dictionary<string, CalendarException>(StringComparer.Ordinal);
        var masterStart = IcsDateTime.Of(document.Master.Property("DTSTART")!)!.Value;
        foreach (var exdate in document.Master.All("EXDATE"))
        {
            foreach (var value in IcsDateTime.AllOf(exdate))
            {
                var start = CompactTime.Format(InstantOf(value, masterStart, document.Calendar, zone, notes));
                exceptions[start] = new CalendarException(start, true, CalendarItem.Empty);
            }
        }

        foreach (var instance in document.Overrides)
        {
            if (IcsDateTime.Of(instance.Property("RECURRENCE-ID")!) is not { } id) continue;
            var start = CompactTime.Format(InstantOf(id, masterStart, document.Calendar, zone, notes));
            var (item, _) = CalendarEventMap.Read(instance, document.Calendar, notes);
            exceptions.TryAdd(start, new CalendarException(start, false, Difference(master, item)));
        }

        return [.. exceptions.Values.OrderBy(e => e.OriginalStart, StringComparer.Ordinal)];
    }

    /// <summary>Rewrites EXDATEs and overrides when the exceptions, or the times they are written in, changed.</summary>
    public static void Write(CalendarDocument document, CalendarItem before, CalendarItem after, CalendarZone zone, string itemId)
    {
        var timesChanged = before[CalendarPage.Timezone] != after[CalendarPage.Timezone] || before[CalendarPage.AllDayEvent] != after[CalendarPage.AllDayEvent]
            || before[CalendarPage.StartTime] != after[CalendarPage.StartTime];
        var sameExceptions = before.Exceptions.Length == after.Exceptions.Length && before.Exceptions.Select((e, i) => e.SameAs(after.Exceptions[i])).All(same => same);
        var masterChanged = !before.SameAs(after);
        if (sameExceptions && !timesChanged && !(masterChanged && document.Overrides.Count > 0)) return;

        var master = document.Master;
        master.Remove("EXDATE");
        foreach (var deleted in after.Exceptions.Where(e => e.Deleted))
        {
            master.Properties.Add(CalendarTimesMap.ValueAt(CompactTime.Parse(deleted.OriginalStart), zone, after, isEnd: false).ToProperty("EXDATE"));
        }

        var series = after with { Recurrence = null, Exceptions = [] };
        var existing = new Dictionary<string, IcsComponent>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var masterStart = IcsDateTime.Of(master.Property("DTSTART")!)!.Value;
        foreach (var instance in document.Overrides)
        {
            if (IcsDateTime.Of(instance.Property("RECURRENCE-ID")!) is { } id)
                existing.TryAdd(CompactTime.Format(InstantOf(id, masterStart, document.Calendar, zone, ignored)), instance);
        }

        var kept = new List<IcsComponent>();
        foreach (var exception in after.Exceptions.Where(e => !e.Deleted))
        {
            var target = Apply(series, exception.Changes);
            IcsComponent instance;
            CalendarItem instanceBefore;
            if (existing.TryGetValue(exception.OriginalStart, out var found))
            {
                instance = found;
                instanceBefore = CalendarEventMap.Read(found, document.Calendar, ignored).Item;
            }
            else
            {
                instance = new IcsComponent("VEVENT");
                instanceBefore = CalendarItem.Empty;
            }

            CalendarEventMap.Write(instance, document.Calendar, instanceBefore, target, itemId, series: false);
            instance.Set("RECURRENCE-ID", CalendarTimesMap.ValueAt(CompactTime.Parse(exception.OriginalStart), zone, after, isEnd: false).ToProperty("RECURRENCE-ID"));
            kept.Add(instance);
        }

        document.Calendar.Components.RemoveAll(c => document.Overrides.Contains(c));
        document.Calendar.Components.AddRange(kept);
        document.Overrides.Clear();
        document.Overrides.AddRange(kept);
    }

    /// <summary>The occurrence an exception describes: the series' values with the exception's changes.</summary>
    public static CalendarItem Apply(CalendarItem series, CalendarItem changes)
    {
        var item = series;
        foreach (var (tag, value) in changes.Fields) item = item.With(tag, value);
        return item with
        {
            Body = changes.Body ?? series.Body,
            Categories = changes.Categories.IsDefaultOrEmpty ? series.Categories : changes.Categories,
            Attendees = changes.Attendees.IsDefaultOrEmpty ? series.Attendees : changes.Attendees,
        };
    }

    private static CalendarItem Difference(CalendarItem master, CalendarItem instance)
    {
        var changes = CalendarItem.Empty;
        foreach (var tag in CalendarElements.ExceptionFieldOrder)
        {
            if (instance[tag] is { } value && (value != master[tag] || tag is CalendarPage.StartTime or CalendarPage.EndTime)) changes = changes.With(tag, value);
        }

        return changes with
        {
            Body = instance.Body != master.Body ? instance.Body : null,
            Categories = instance.Categories.SequenceEqual(master.Categories) ? [] : instance.Categories,
            Attendees = instance.Attendees.SequenceEqual(master.Attendees) ? [] : instance.Attendees,
        };
    }

    /// <summary>An EXDATE or RECURRENCE-ID as an instant; a DATE of a timed series means the occurrence on that day.</summary>
    private static Instant InstantOf(IcsDateTime value, IcsDateTime masterStart, IcsComponent calendar, CalendarZone zone, ICollection<string> notes)
    {
        if (value.IsDate && !masterStart.IsDate)
            value = value with { Local = value.Local.Date + masterStart.Local.TimeOfDay, IsDate = false, TzId = masterStart.TzId, IsUtc = masterStart.IsUtc };
        if (value.IsUtc) return value.ToInstant(DateTimeZone.Utc);
        var valueZone = value.TzId is null || value.TzId == zone.TzId ? zone : CalendarTimesMap.ZoneOf(value, calendar, null, notes);
        return value.ToInstant(valueZone.Zone);
    }
}
