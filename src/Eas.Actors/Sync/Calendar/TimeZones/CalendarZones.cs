using Eas.Actors.Sync.Calendar.Ics;
using NodaTime;

namespace Eas.Actors.Sync.Calendar.TimeZones;

/// <summary>
/// What a stored TZID means: a tzdb id or alias (the zone itself); else the calendar's own VTIMEZONE of that TZID
/// (its rules, <see cref="VTimeZones"/>); else a Windows zone name (NodaTime's CLDR mapping, as Outlook writes
/// them); else unknown, read as UTC (the nearest faithful form: the wall-clock times are kept) and reported.
/// </summary>
public sealed record CalendarZone(string? TzId, DateTimeZone Zone, bool Unknown)
{
    public static CalendarZone Utc { get; } = new(null, DateTimeZone.Utc, false);

    public bool IsCustom => Zone is EasBlobZone;

    public static CalendarZone Resolve(string? tzId, IcsComponent calendar, int year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (string.IsNullOrWhiteSpace(tzId)) return Utc;
        var id = tzId.Trim();
        if (WindowsNames.Canonical(id) is { } canonical) return new CalendarZone(id, DateTimeZoneProviders.Tzdb[canonical], false);
        var own = calendar.Children("VTIMEZONE").FirstOrDefault(z => string.Equals(z.Value("TZID")?.Trim(), id, StringComparison.Ordinal));
        if (own is not null && VTimeZones.Read(own, year) is { } rules) return new CalendarZone(id, new EasBlobZone(id, rules), false);

        var windows = WindowsNames.TzdbIdsOf(id);
        if (windows.Count > 0) return new CalendarZone(id, DateTimeZoneProviders.Tzdb[windows[0]], false);
        return new CalendarZone(id, DateTimeZone.Utc, true);
    }
}
