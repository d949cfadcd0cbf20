using NodaTime;
using NodaTime.TimeZones;

namespace Eas.Actors.Sync.Calendar.TimeZones;

/// <summary>
/// A zone that follows a TimeZone blob's own rules (MS-ASDTYPE 2.7) every year: what a phone's zone becomes when no
/// tzdb zone matches it, so that it is kept as the phone described it, not replaced by a near one.
/// </summary>
public sealed class EasBlobZone : DateTimeZone
{
    private readonly EasTimeZone _rules;

    public EasBlobZone(string id, EasTimeZone rules)
        : base(id, !HasTransitions(rules), Min(rules), Max(rules))
    {
        _rules = rules;
    }

    /// <summary>The blob this zone follows.</summary>
    public EasTimeZone Rules => _rules;

    public override ZoneInterval GetZoneInterval(Instant instant)
    {
        var standard = _rules.StandardOffset;
        if (!HasTransitions(_rules)) return new ZoneInterval(Name(false), null, null, standard, Offset.Zero);
        var year = instant.WithOffset(standard).Year;
        var transitions = new List<(Instant At, bool ToDaylight)>();
        for (var y = year - 1; y <= year + 1; y++)
        {
            if (y is < 2 or > 9998) continue;
            var rules = ResolvedRules.Of(_rules, y);
            transitions.Add((rules.DaylightStart!.Value.WithOffset(rules.Standard).ToInstant(), true));
            transitions.Add((rules.StandardStart!.Value.WithOffset(rules.Daylight).ToInstant(), false));
        }

        transitions.Sort((a, b) => a.At.CompareTo(b.At));
        Instant? from = null, to = null;
        var daylight = false;
        foreach (var (at, toDaylight) in transitions)
        {
            if (at <= instant)
            {
                from = at;
                daylight = toDaylight;
            }
            else if (to is null)
            {
                to = at;
            }
        }

        if (from is null) daylight = !transitions[0].ToDaylight;
        var wall = daylight ? _rules.DaylightOffset : standard;
        return new ZoneInterval(Name(daylight), from, to, wall, wall - standard);
    }

    private string Name(bool daylight) => daylight && _rules.DaylightName.Length > 0 ? _rules.DaylightName
        : _rules.StandardName.Length > 0 ? _rules.StandardName : Id;

    private static bool HasTransitions(EasTimeZone rules) => rules.HasDaylightTime && rules.DaylightOffset != rules.StandardOffset;

    private static Offset Min(EasTimeZone rules) => HasTransitions(rules) ? Offset.Min(rules.StandardOffset, rules.DaylightOffset) : rules.StandardOffset;

    private static Offset Max(EasTimeZone rules) => HasTransitions(rules) ? Offset.Max(rules.StandardOffset, rules.DaylightOffset) : rules.StandardOffset;
}
