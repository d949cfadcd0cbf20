using Eas.Actors.Sync.Calendar.TimeZones;
using NodaTime;

namespace Eas.Actors.Tests.Sync.Calendar;

/// <summary>The TimeZone blob (MS-ASDTYPE 2.7) to and from tzdb zones and custom zones.</summary>
public sealed class EasTimeZoneTests
{
    internal static readonly EasTimeZone Berlin = new(-60, "W. Europe Standard Time", new SystemTime(0, 10, 0, 5, 3, 0, 0, 0), 0,
        "W. Europe Daylight Time", new SystemTime(0, 3, 0, 5, 2, 0, 0, 0), -60);

    internal static readonly EasTimeZone NewYork = new(300, "Eastern Standard Time", new SystemTime(0, 11, 0, 1, 2, 0, 0, 0), 0,
        "Eastern Daylight Time", new SystemTime(0, 3, 0, 2, 2, 0, 0, 0), -60);

    internal static readonly EasTimeZone Sydney = new(-600, "AUS Eastern Standard Time", new SystemTime(0, 4, 0, 1, 3, 0, 0, 0), 0,
        "AUS Eastern Daylight Time", new SystemTime(0, 10, 0, 1, 2, 0, 0, 0), -60);

    internal static readonly EasTimeZone Kolkata = new(-330, "India Standard Time", SystemTime.None, 0, "India Daylight Time", SystemTime.None, 0);

    /// <summary>UTC+01:30 with 45 minutes of daylight time from the second Tuesday of February to the third Friday of August: no tzdb zone does that.</summary>
    internal static readonly EasTimeZone Custom = new(-90, "Phone Custom Time", new SystemTime(0, 8, 5, 3, 4, 0, 0, 0), 0,
        "Phone Custom Summer", new SystemTime(0, 2, 2, 2, 1, 30, 0, 0), -45);

    public static TheoryData<string, string> Zones => new()
    {
        { nameof(Berlin), "Europe/Berlin" },
        { nameof(NewYork), "America/New_York" },
        { nameof(Sydney), "Australia/Sydney" },
        { nameof(Kolkata), "Asia/Kolkata" },
    };

    private static EasTimeZone Named(string name) => name switch
    {
        nameof(Berlin) => Berlin,
        nameof(NewYork) => NewYork,
        nameof(Sydney) => Sydney,
        nameof(Kolkata) => Kolkata,
        _ => Custom,
    };

    [Fact]
    public void MS_ASDTYPE_2_7_the_blob_is_172_bytes_and_reads_back_field_for_field()
    {
        var blob = Berlin.ToBlob();
        blob.Length.ShouldBe(172);
        BitConverter.ToInt32(blob, 0).ShouldBe(-60);
        BitConverter.ToUInt16(blob, 68 + 2).ShouldBe((ushort)10);
        BitConverter.ToInt32(blob, 168).ShouldBe(-60);
        EasTimeZone.FromBlob(blob).ShouldBe(Berlin);
        EasTimeZone.FromBase64(Berlin.ToBase64()).ShouldBe(Berlin);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(171)]
    [InlineData(173)]
    public void MS_ASDTYPE_2_7_a_blob_of_another_length_is_a_format_error(int length) =>
        Should.Throw<FormatException>(() => EasTimeZone.FromBlob(new byte[length]));

    [Fact]
    public void MS_ASDTYPE_2_7_an_all_zero_blob_is_utc() =>
        EasTimeZone.FromBlob(new byte[172]).ToZone(2026).Zone.GetUtcOffset(Instant.FromUtc(2026, 7, 1, 0, 0)).ShouldBe(Offset.Zero);

    [Theory]
    [MemberData(nameof(Zones))]
    public void MS_ASDTYPE_2_7_a_phone_blob_maps_to_the_tzdb_zone_with_its_rules(string blob, string zoneId)
    {
        var match = Named(blob).ToZone(2026);
        match.IsCustom.ShouldBeFalse();
        match.Zone.Id.ShouldBe(zoneId);
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void MS_ASDTYPE_2_7_a_tzdb_zone_gives_the_blob_a_Windows_phone_sends(string blob, string zoneId) =>
        EasTimeZone.FromZone(DateTimeZoneProviders.Tzdb[zoneId], 2026).ShouldBe(Named(blob));

    [Fact]
    public void MS_ASDTYPE_2_7_a_blob_without_names_still_finds_a_zone_with_the_same_rules()
    {
        var match = (Berlin with { StandardName = "", DaylightName = "" }).ToZone(2026);
        match.IsCustom.ShouldBeFalse();
        EasTimeZone.FromZone(match.Zone, 2026).SameRules(Berlin, 2026).ShouldBeTrue();
    }

    [Fact]
    public void MS_ASDTYPE_2_7_the_StandardName_picks_among_zones_with_the_same_rules() =>
        (Berlin with { StandardName = "Romance Standard Time" }).ToZone(2026).Zone.Id.ShouldBe("Europe/Paris");

    [Fact]
    public void MS_ASDTYPE_2_7_a_tzdb_id_as_StandardName_is_honoured() =>
        (Berlin with { StandardName = "Europe/Vienna" }).ToZone(2026).Zone.Id.ShouldBe("Europe/Vienna");

    [Fact]
    public void MS_ASDTYPE_2_7_the_southern_hemisphere_blob_puts_daylight_time_around_new_year()
    {
        var zone = Sydney.ToZone(2026).Zone;
        zone.GetUtcOffset(Instant.FromUtc(2026, 1, 15, 0, 0)).ShouldBe(Offset.FromHours(11));
        zone.GetUtcOffset(Instant.FromUtc(2026, 7, 15, 0, 0)).ShouldBe(Offset.FromHours(10));
    }

    [Fact]
    public void MS_ASDTYPE_2_7_a_blob_no_zone_matches_is_kept_as_a_custom_zone_with_its_own_rules()
    {
        var match = Custom.ToZone(2026);
        match.IsCustom.ShouldBeTrue();
        match.Zone.Id.ShouldBe("Phone Custom Time");
        var zone = match.Zone;
        // Second Tuesday of February 2026 is the 10th: 01:30 standard (UTC+01:30) is 00:00 UTC.
        zone.GetUtcOffset(Instant.FromUtc(2026, 2, 9, 23, 59)).ShouldBe(Offset.FromHoursAndMinutes(1, 30));
        zone.GetUtcOffset(Instant.FromUtc(2026, 2, 10, 0, 0)).ShouldBe(Offset.FromHoursAndMinutes(2, 15));
        // Third Friday of August 2026 is the 21st: 04:00 daylight (UTC+02:15) is 01:45 UTC.
        zone.GetUtcOffset(Instant.FromUtc(2026, 8, 21, 1, 44)).ShouldBe(Offset.FromHoursAndMinutes(2, 15));
        zone.GetUtcOffset(Instant.FromUtc(2026, 8, 21, 1, 45)).ShouldBe(Offset.FromHoursAndMinutes(1, 30));
        EasTimeZone.FromZone(zone, 2026).SameRules(Custom, 2026).ShouldBeTrue();
    }

    [Fact]
    public void MS_ASDTYPE_2_7_1_the_fifth_occurrence_is_the_last_of_the_month()
    {
        new SystemTime(0, 3, 0, 5, 2, 0, 0, 0).InYear(2026).ShouldBe(new LocalDateTime(2026, 3, 29, 2, 0));
        new SystemTime(0, 3, 0, 5, 2, 0, 0, 0).InYear(2027).ShouldBe(new LocalDateTime(2027, 3, 28, 2, 0));
        new SystemTime(0, 3, 0, 2, 2, 0, 0, 0).InYear(2026).ShouldBe(new LocalDateTime(2026, 3, 8, 2, 0));
    }

    [Fact]
    public void MS_ASDTYPE_2_7_the_blob_follows_the_year_it_is_asked_for()
    {
        // The US moved its daylight time rules in 2007: 2006 started on the first Sunday of April.
        var blob2006 = EasTimeZone.FromZone(DateTimeZoneProviders.Tzdb["America/New_York"], 2006);
        blob2006.DaylightDate.ShouldBe(new SystemTime(0, 4, 0, 1, 2, 0, 0, 0));
        NewYork.SameRules(blob2006, 2006).ShouldBeFalse();
    }
}
