using Eas.Actors.Sync.Calendar.TimeZones;
using NodaTime;
using NodaTime.TimeZones;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// email:TimeZone of a meeting request (MS-ASEMAIL 2.2.2.79): the MS-ASDTYPE 2.7 blob, base64, of the zone the
/// meeting's start is written in (its TZID: an IANA name, or a Windows name as Outlook writes them), with the rules of
/// the meeting's year (<see cref="EasTimeZone.FromZone"/>). A start in UTC, a floating one or a TZID no zone database
/// knows is UTC: start and end go out in UTC either way, so the zone only tells the phone how the organizer sees it.
/// </summary>
internal static class MeetingTimeZone
{
    public static string Blob(MeetingInvitation meeting)
    {
        if (meeting.AllDay || ZoneOf(meeting.TimeZoneId) is not { } zone) return EasTimeZone.Utc.ToBase64();
        return EasTimeZone.FromZone(zone, (meeting.Start ?? meeting.Stamp).Year).ToBase64();
    }

    private static DateTimeZone? ZoneOf(string? tzid)
    {
        if (string.IsNullOrWhiteSpace(tzid)) return null;
        var id = tzid.Trim().Trim('"');
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone) return zone;
        var windows = TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping;
        return windows.TryGetValue(id, out var iana) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana) : null;
    }
}
