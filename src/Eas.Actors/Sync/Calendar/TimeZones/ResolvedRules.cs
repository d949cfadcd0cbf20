using NodaTime;

namespace Eas.Actors.Sync.Calendar.TimeZones;

/// <summary>
/// What a zone does in one year, whatever the form that says it: the standard and daylight offsets and the local
/// times daylight time starts (in standard time) and ends (in daylight time), as MS-ASDTYPE 2.7 places them. Two
/// blobs, or a blob and a tzdb zone, are the same zone for that year when these are equal.
/// </summary>
internal readonly record struct ResolvedRules(Offset Standard, Offset Daylight, LocalDateTime? DaylightStart, LocalDateTime? StandardStart)
{
    public static ResolvedRules Of(EasTimeZone zone, int year)
    {
        if (!zone.HasDaylightTime || zone.DaylightOffset == zone.StandardOffset)
            return new ResolvedRules(zone.StandardOffset, zone.StandardOffset, null, null);
        return new ResolvedRules(zone.StandardOffset, zone.DaylightOffset, zone.DaylightDate.InYear(year), zone.StandardDate.InYear(year));
    }
}
