using Eas.Actors.Sync.Calendar.Ics;
using Eas.Actors.Sync.Calendar.TimeZones;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using NodaTime;
using CalendarPage = Eas.Wire.CodePages.Calendar;

namespace Eas.Actors.Sync.Calendar;

/// <summary>
/// Timezone, AllDayEvent, StartTime and EndTime (MS-ASCAL 2.2.2.44, 2.2.2.1, 2.2.2.42, 2.2.2.20) as DTSTART and DTEND
/// (RFC 5545 3.8.2.4, 3.8.2.2) with the TZID of the phone's zone (<see cref="EasTimeZone.ToZone"/>: a tzdb id, or a
/// custom zone with its own VTIMEZONE), all-day events as DATE values. The phone's own blob is kept in
/// X-EAS-TIMEZONE and given back while its rules still agree with the event's zone, so names it chose survive.
/// </summary>
internal static class CalendarTimesMap
{
    public const string BlobProperty = "X-EAS-TIMEZONE";

    public static (CalendarItem Item, CalendarZone Zone) Read(IcsComponent vevent, IcsComponent calendar, CalendarItem item, ICollection<string> notes)
    {
        if (vevent.Property("DTSTART") is not { } startProperty || IcsDateTime.Of(startProperty) is not { } start)
            throw new PimContentException("The event has no readable DTSTART (RFC 5545 3.8.2.4).");
        var year = start.Local.Year;
        var phoneBlob = PhoneBlob(vevent);
        var zone = ZoneOf(start, calendar, phoneBlob, notes);
        var startInstant = start.ToInstant(zone.Zone);
        var endInstant = startInstant;
        if (vevent.Property("DTEND") is { } endProperty && IcsDateTime.Of(endProperty) is { } end)
            endInstant = end.ToInstant(end.TzId == start.TzId ? zone.Zone : ZoneOf(end, calendar, phoneBlob, notes).Zone);
        else if (vevent.Value("DURATION") is { } duration && CalendarStatusMap.ParseMinutes(duration) is { } minutes)
            endInstant = startInstant + Duration.FromMinutes(minutes);
        else if (start.IsDate)
            endInstant = zone.Zone.AtStartOfDay(start.Local.Date.PlusDays(1)).ToInstant();
        if (endInstant < startInstant) endInstant = startInstant;

        var computed = zone.Zone is EasBlobZone custom ? custom.Rules : EasTimeZone.FromZone(zone.Zone, year);
        var blob = phoneBlob is not null && phoneBlob.SameRules(computed, year) ? phoneBlob : computed;
        item = item.With(CalendarPage.Timezone, blob.ToBase64())
            .With(CalendarPage.AllDayEvent, start.IsDate ? "1" : "0")
            .With(CalendarPage.StartTime, CompactTime.Format(startInstant))
            .With(CalendarPage.EndTime, CompactTime.Format(endInstant));
        return (item, zone);
    }

    /// <summary>The zone a start's value is read in: its TZID, the phone's zone for a DATE, UTC otherwise.</summary>
    public static CalendarZone ZoneOf(IcsDateTime value, IcsComponent calendar, EasTimeZone? phoneBlob, ICollection<string> notes)
    {
        if (value.TzId is { } tzId)
        {
            var zone = CalendarZone.Resolve(tzId, calendar, value.Local.Year);
            if (zone.Unknown) notes.Add($"unknown TZID '{tzId}' read as UTC");
            return zone;
        }

        if (value.IsDate && phoneBlob is not null) return new CalendarZone(null, phoneBlob.ToZone(value.Local.Year).Zone, false);
        return CalendarZone.Utc;
    }

    /// <summary>Writes the four elements when any changed; returns the zone the event is now in.</summary>
    /// <exception cref="PimItemRejectedException">No StartTime, or a Timezone that is no blob.</exception>
    public static CalendarZone Write(IcsComponent vevent, IcsComponent calendar, CalendarItem before, CalendarItem after, string itemId)
    {
        var zone = ZoneFor(after, itemId, out var match);
        if (before[CalendarPage.Timezone] == after[CalendarPage.Timezone] && before[CalendarPage.AllDayEvent] == after[CalendarPage.AllDayEvent]
            && before[CalendarPage.StartTime] == after[CalendarPage.StartTime] && before[CalendarPage.EndTime] == after[CalendarPage.EndTime])
            return zone;

        var start = CompactTime.Parse(after[CalendarPage.StartTime]!);
        var end = after[CalendarPage.EndTime] is { } endText ? CompactTime.Parse(endText) : start;
        if (end < start) end = start;
        vevent.Set("DTSTART", ValueAt(start, zone, after, isEnd: false).ToProperty("DTSTART"));
        vevent.Set("DTEND", ValueAt(end, zone, after, isEnd: true).ToProperty("DTEND"));
        vevent.Remove("DURATION");
        vevent.SetValue(BlobProperty, after[CalendarPage.Timezone]);
        if (zone.TzId is { } tzId && match is not null)
        {
            var existing = calendar.Components.FindIndex(c => c.Name == "VTIMEZONE" && c.Value("TZID")?.Trim() == tzId);
            var year = start.InZone(zone.Zone).Year;
            if (match.IsCustom && existing >= 0) calendar.Components.RemoveAt(existing);
            if (match.IsCustom || existing < 0)
            {
                var rules = match.IsCustom ? ((EasBlobZone)match.Zone).Rules : EasTimeZone.FromZone(match.Zone, year);
                calendar.Components.Insert(calendar.Components.FindIndex(c => c.Name != "VTIMEZONE") is var at and >= 0 ? at : calendar.Components.Count, VTimeZones.Build(tzId, rules));
            }
        }

        return zone;
    }

    /// <summary>The zone of the phone's Timezone blob for the year of its start; UTC without a blob.</summary>
    public static CalendarZone ZoneFor(CalendarItem item, string itemId, out EasTimeZoneMatch? match)
    {
        match = null;
        if (item[CalendarPage.StartTime] is not { } startText || !CompactTime.TryParse(startText, out var start))
            throw new PimItemRejectedException(itemId, "an appointment needs a StartTime (MS-ASCAL 2.2.2.42)");
        if (item[CalendarPage.Timezone] is not { } text) return CalendarZone.Utc;
        EasTimeZone blob;
        try
        {
            blob = EasTimeZone.FromBase64(text);
        }
        catch (FormatException e)
        {
            throw new PimItemRejectedException(itemId, "the Timezone is no TimeZone blob (MS-ASDTYPE 2.7): " + e.Message);
        }

        var year = start.InZone(DateTimeZone.ForOffset(blob.StandardOffset)).Year;
        match = blob.ToZone(year);
        return new CalendarZone(match.Zone.Id, match.Zone, false);
    }

    /// <summary>The value an instant is written as: a DATE for all-day events, local to the zone's TZID, or UTC.</summary>
    public static IcsDateTime ValueAt(Instant instant, CalendarZone zone, CalendarItem item, bool isEnd)
    {
        var local = instant.InZone(zone.Zone).LocalDateTime;
        if (item[CalendarPage.AllDayEvent] == "1")
        {
            var date = local.Date;
            if (isEnd && local.TimeOfDay != LocalTime.Midnight) date = date.PlusDays(1);
            return new IcsDateTime(date.AtMidnight(), true, false, null);
        }

        return zone.TzId is null ? new IcsDateTime(instant.InUtc().LocalDateTime, false, true, null) : new IcsDateTime(local, false, false, zone.TzId);
    }

    private static EasTimeZone? PhoneBlob(IcsComponent vevent)
    {
        try
        {
            return vevent.Value(BlobProperty) is { } text ? EasTimeZone.FromBase64(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
