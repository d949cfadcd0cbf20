using NodaTime;
using NodaTime.TimeZones;

namespace Eas.Actors.Sync.Calendar.TimeZones;

/// <summary>
/// A NodaTime zone's year in the blob's terms (MS-ASDTYPE 2.7): the offset it changes to when it moves forward is
/// daylight time, the offset it changes back to is standard time, and each transition's local time is read on the
/// clock in force before it (Windows' convention: the daylight date in standard time, the standard date in daylight
/// time). A year with no move forward and back has no daylight time and the offset in force at its end.
/// </summary>
internal static class ZoneRules
{
    public static EasTimeZone ToEasTimeZone(DateTimeZone zone, int year)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = Instant.FromUtc(year, 1, 1, 0, 0);
        var end = Instant.FromUtc(year + 1, 1, 1, 0, 0);
        var intervals = zone.GetZoneIntervals(start, end).ToList();
        (Instant At, Offset From, Offset To)? forward = null, back = null;
        for (var i = 1; i < intervals.Count; i++)
        {
            var (from, to) = (intervals[i - 1].WallOffset, intervals[i].WallOffset);
            if (!intervals[i].HasStart || intervals[i].Start < start || intervals[i].Start >= end) continue;
            if (to > from && forward is null) forward = (intervals[i].Start, from, to);
            else if (to < from) back = (intervals[i].Start, from, to);
        }

        var (standardName, daylightName) = Names(zone);
        if (forward is not { } up || back is not { } down || up.To == down.To)
        {
            var offset = zone.GetUtcOffset(end - Duration.Epsilon);
            return new EasTimeZone(-offset.Seconds / 60, standardName, SystemTime.None, 0, daylightName, SystemTime.None, 0).WithBlobNames();
        }

        var standard = down.To;
        var daylight = up.To;
        return new EasTimeZone(
            -standard.Seconds / 60,
            standardName,
            SystemTime.Recurring(down.At.WithOffset(down.From).LocalDateTime),
            0,
            daylightName,
            SystemTime.Recurring(up.At.WithOffset(up.From).LocalDateTime),
            -(daylight - standard).Seconds / 60).WithBlobNames();
    }

    /// <summary>The zone's Windows name (CLDR windowsZones through NodaTime) and its daylight form, else its id twice.</summary>
    public static (string Standard, string Daylight) Names(DateTimeZone zone)
    {
        var windows = WindowsNames.WindowsIdOf(zone.Id);
        if (windows is null) return (zone.Id, zone.Id);
        var daylight = windows.EndsWith(" Standard Time", StringComparison.Ordinal)
            ? windows[..^" Standard Time".Length] + " Daylight Time"
            : windows;
        return (windows, daylight);
    }
}

/// <summary>The CLDR mapping between Windows zone names and tzdb ids that NodaTime carries (TzdbDateTimeZoneSource.WindowsMapping).</summary>
internal static class WindowsNames
{
    private static readonly TzdbDateTimeZoneSource Source = TzdbDateTimeZoneSource.Default;

    /// <summary>The tzdb canonical id for a tzdb id or alias; null when unknown.</summary>
    public static string? Canonical(string id) =>
        Source.CanonicalIdMap.TryGetValue(id, out var canonical) ? canonical : null;

    /// <summary>The Windows name of a tzdb zone; null when it has none.</summary>
    public static string? WindowsIdOf(string tzdbId)
    {
        if (Source.TzdbToWindowsIds.TryGetValue(tzdbId, out var windows)) return windows;
        var canonical = Canonical(tzdbId);
        if (canonical is not null && Source.TzdbToWindowsIds.TryGetValue(canonical, out windows)) return windows;
        foreach (var map in Source.WindowsMapping.MapZones)
        {
            foreach (var id in map.TzdbIds)
            {
                if (Canonical(id) == canonical) return map.WindowsId;
            }
        }

        return null;
    }

    /// <summary>
    /// The tzdb zones a Windows name stands for, primary first (canonical ids); empty when it is no Windows name. A
    /// daylight name ("W. Europe Daylight Time") is read as its standard name.
    /// </summary>
    public static IReadOnlyList<string> TzdbIdsOf(string windowsName)
    {
        var name = windowsName.Trim();
        if (name.EndsWith(" Daylight Time", StringComparison.Ordinal)) name = name[..^" Daylight Time".Length] + " Standard Time";
        var ids = new List<string>();
        if (Source.WindowsMapping.PrimaryMapping.TryGetValue(name, out var primary) && Canonical(primary) is { } p) ids.Add(p);
        foreach (var map in Source.WindowsMapping.MapZones)
        {
            if (!string.Equals(map.WindowsId, name, StringComparison.Ordinal)) continue;
            foreach (var id in map.TzdbIds)
            {
                if (Canonical(id) is { } c && !ids.Contains(c)) ids.Add(c);
            }
        }

        return ids;
    }

    /// <summary>Every zone that is the primary zone of some Windows name (territory 001).</summary>
    public static IReadOnlySet<string> Primaries { get; } =
        Source.WindowsMapping.PrimaryMapping.Values.Select(Canonical).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
