using System.Globalization;
using Eas.Actors.Sync.Calendar.Ics;
using NodaTime;
using NodaTime.Text;

namespace Eas.Actors.Sync.Calendar.TimeZones;

/// <summary>
/// A VTIMEZONE (RFC 5545 3.6.5) to and from the blob's rules (MS-ASDTYPE 2.7): a STANDARD and a DAYLIGHT
/// observance each recurring yearly on the n-th (or last) weekday of a month, or a single STANDARD for a zone without
/// daylight time. What a VTIMEZONE says beyond that (several historical rules, RDATEs) is read as the observances in
/// force in the asked year, the nearest the blob can hold.
/// </summary>
public static class VTimeZones
{
    private static readonly string[] Days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>A VTIMEZONE that follows <paramref name="zone"/> every year, under <paramref name="tzId"/>.</summary>
    public static IcsComponent Build(string tzId, EasTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var component = new IcsComponent("VTIMEZONE");
        component.SetValue("TZID", tzId);
        if (!zone.HasDaylightTime || zone.DaylightOffset == zone.StandardOffset)
        {
            component.Components.Add(Observance("STANDARD", new LocalDateTime(1970, 1, 1, 0, 0), null, zone.StandardOffset, zone.StandardOffset, zone.StandardName));
            return component;
        }

        component.Components.Add(Observance("STANDARD", zone.StandardDate.InYear(1970)!.Value, Rule(zone.StandardDate), zone.DaylightOffset, zone.StandardOffset, zone.StandardName));
        component.Components.Add(Observance("DAYLIGHT", zone.DaylightDate.InYear(1970)!.Value, Rule(zone.DaylightDate), zone.StandardOffset, zone.DaylightOffset, zone.DaylightName));
        return component;
    }

    /// <summary>The rules a VTIMEZONE has in <paramref name="year"/>; null when it has no usable observance.</summary>
    public static EasTimeZone? Read(IcsComponent vtimezone, int year)
    {
        ArgumentNullException.ThrowIfNull(vtimezone);
        var name = vtimezone.Value("TZID") ?? string.Empty;
        var standard = Latest(vtimezone, "STANDARD", year);
        var daylight = Latest(vtimezone, "DAYLIGHT", year);
        if (standard is null && daylight is null) return null;
        if (standard is not { } s) return Fixed(daylight!.Value.To, name);
        if (daylight is not { } d || d.Rule is null || s.Rule is null) return Fixed(s.To, name);
        return new EasTimeZone(-s.To.Seconds / 60, s.Name ?? name, s.Rule.Value, 0, d.Name ?? name, d.Rule.Value, -(d.To - s.To).Seconds / 60).WithBlobNames();
    }

    private static EasTimeZone Fixed(Offset offset, string name) =>
        new EasTimeZone(-offset.Seconds / 60, name, SystemTime.None, 0, name, SystemTime.None, 0).WithBlobNames();

    private static (Offset To, SystemTime? Rule, string? Name)? Latest(IcsComponent vtimezone, string kind, int year)
    {
        var observances = new List<(Offset To, SystemTime? Rule, string? Name, LocalDateTime Start)>();
        foreach (var observance in vtimezone.Children(kind))
        {
            if (observance.Property("DTSTART") is not { } startProperty || IcsDateTime.Of(startProperty) is not { } start) continue;
            if (ParseOffset(observance.Value("TZOFFSETTO")) is not { } to) continue;
            var rule = observance.Value("RRULE") is { } rrule ? RuleOf(rrule, start.Local)
                : start.Local.Year == year ? Absolute(start.Local) : null;
            observances.Add((to, rule, observance.Value("TZNAME") is { } tzName ? IcsText.Unescape(tzName) : null, start.Local));
        }

        if (observances.Count == 0) return null;
        var inForce = observances.Where(o => o.Start.Year <= year).ToList();
        var chosen = inForce.Count > 0 ? inForce.MaxBy(o => o.Start) : observances.MinBy(o => o.Start);
        return (chosen.To, chosen.Rule, chosen.Name);
    }

    private static SystemTime Absolute(LocalDateTime local) => new(
        (ushort)local.Year, (ushort)local.Month, (ushort)((int)local.DayOfWeek % 7), (ushort)local.Day, (ushort)local.Hour, (ushort)local.Minute, (ushort)local.Second, 0);

    /// <summary>The yearly rule "FREQ=YEARLY;BYMONTH=m;BYDAY=nDD" of an observance; null for another shape.</summary>
    private static SystemTime? RuleOf(string rrule, LocalDateTime start)
    {
        var parts = rrule.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToUpperInvariant(), p => p[1].Trim().ToUpperInvariant());
        if (parts.GetValueOrDefault("FREQ") != "YEARLY") return null;
        var month = parts.TryGetValue("BYMONTH", out var m) && int.TryParse(m.Split(',')[0], CultureInfo.InvariantCulture, out var mm) ? mm : start.Month;
        if (!parts.TryGetValue("BYDAY", out var byDay)) return null;
        var day = byDay.Split(',')[0];
        if (day.Length < 2) return null;
        var weekday = Array.IndexOf(Days, day[^2..]);
        var ordinalText = day[..^2];
        var ordinal = ordinalText.Length == 0 ? 1 : int.TryParse(ordinalText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var o) ? o : 0;
        if (weekday < 0 || ordinal == 0 || month is < 1 or > 12) return null;
        if (parts.TryGetValue("BYMONTHDAY", out var monthDays) && ordinal == 1)
        {
            // "the first Sunday on or after the 8th" (BYMONTHDAY=8,...,14) is the second Sunday.
            var first = monthDays.Split(',').Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : 0).Where(d => d > 0).DefaultIfEmpty(1).Min();
            ordinal = (first - 1) / 7 + 1;
        }

        var occurrence = ordinal < 0 ? 5 : Math.Min(ordinal, 5);
        return new SystemTime(0, (ushort)month, (ushort)weekday, (ushort)occurrence, (ushort)start.Hour, (ushort)start.Minute, (ushort)start.Second, 0);
    }

    private static string Rule(SystemTime time)
    {
        var ordinal = time.Day >= 5 ? "-1" : time.Day.ToString(CultureInfo.InvariantCulture);
        return time.Year != 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"FREQ=YEARLY;BYMONTH={time.Month};BYDAY={ordinal}{Days[time.DayOfWeek % 7]}");
    }

    private static IcsComponent Observance(string kind, LocalDateTime start, string? rule, Offset from, Offset to, string name)
    {
        var observance = new IcsComponent(kind);
        observance.SetValue("DTSTART", LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss").Format(start));
        if (!string.IsNullOrEmpty(rule)) observance.SetValue("RRULE", rule);
        observance.SetValue("TZOFFSETFROM", FormatOffset(from));
        observance.SetValue("TZOFFSETTO", FormatOffset(to));
        if (name.Length > 0) observance.SetValue("TZNAME", IcsText.Escape(name));
        return observance;
    }

    private static string FormatOffset(Offset offset) =>
        OffsetPattern.CreateWithInvariantCulture(offset.Seconds % 60 == 0 ? "+HHmm" : "+HHmmss").Format(offset);

    private static Offset? ParseOffset(string? text)
    {
        if (text is null) return null;
        var value = text.Trim();
        var pattern = OffsetPattern.CreateWithInvariantCulture(value.Length > 5 ? "+HHmmss" : "+HHmm");
        var result = pattern.Parse(value);
        return result.Success ? result.Value : null;
    }
}
