using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace Eas.Actors.Sync.Calendar.TimeZones;

/// <summary>
/// A phone's blob to a tzdb zone for one year: every canonical tzdb zone is reduced to its <see cref="ResolvedRules"/>
/// for that year (once per year, kept: pure data derived from the tzdb NodaTime ships); the blob's rules select the
/// zones that behave the same. Among several, the one the blob's StandardName (or DaylightName) names wins, as a tzdb
/// id or a Windows name (CLDR mapping); then a zone that is some Windows name's primary zone; then the first by id.
/// No match: an <see cref="EasBlobZone"/> of the blob's own rules, named after its StandardName.
/// </summary>
internal static class TimeZoneMatcher
{
    private static readonly ConcurrentDictionary<int, ImmutableDictionary<ResolvedRules, ImmutableArray<string>>> ByYear = new();

    public static EasTimeZoneMatch Match(EasTimeZone zone, int year)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var index = ByYear.GetOrAdd(year, Build);
        if (index.TryGetValue(ResolvedRules.Of(zone, year), out var candidates) && Pick(zone, candidates) is { } id)
            return new EasTimeZoneMatch(DateTimeZoneProviders.Tzdb[id], false);
        return new EasTimeZoneMatch(new EasBlobZone(CustomId(zone), zone), true);
    }

    /// <summary>The id a custom zone goes by (and the TZID of its VTIMEZONE): its StandardName, else its offset.</summary>
    public static string CustomId(EasTimeZone zone)
    {
        var name = zone.StandardName.Trim();
        if (name.Length > 0) return WindowsNames.Canonical(name) is null && WindowsNames.TzdbIdsOf(name).Count == 0 ? name : "Custom " + name;
        return "UTC" + zone.StandardOffset.ToString("m", CultureInfo.InvariantCulture);
    }

    private static string? Pick(EasTimeZone zone, ImmutableArray<string> candidates)
    {
        foreach (var name in new[] { zone.StandardName, zone.DaylightName })
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            if (WindowsNames.Canonical(name.Trim()) is { } tzdb && candidates.Contains(tzdb)) return tzdb;
            foreach (var id in WindowsNames.TzdbIdsOf(name))
            {
                if (candidates.Contains(id)) return id;
            }
        }

        foreach (var id in candidates)
        {
            if (WindowsNames.Primaries.Contains(id)) return id;
        }

        return candidates.FirstOrDefault(id => !id.StartsWith("Etc/", StringComparison.Ordinal)) ?? candidates.FirstOrDefault();
    }

    private static ImmutableDictionary<ResolvedRules, ImmutableArray<string>> Build(int year)
    {
        var provider = DateTimeZoneProviders.Tzdb;
        return provider.Ids
            .Select(WindowsNames.Canonical).OfType<string>().Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .GroupBy(id => ResolvedRules.Of(ZoneRules.ToEasTimeZone(provider[id], year), year))
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray());
    }
}
