using System.Buffers.Binary;
using System.Text;
using NodaTime;

namespace Eas.Actors.Sync.Calendar.TimeZones;

/// <summary>
/// The calendar:Timezone value (MS-ASCAL 2.2.2.46): a base64 TIME_ZONE_INFORMATION blob of 172 bytes (MS-ASDTYPE 2.7):
/// Bias (minutes, UTC = local + bias), StandardName (32 UTF-16 units), StandardDate, StandardBias, DaylightName,
/// DaylightDate, DaylightBias. The biases of the two periods are <see cref="Bias"/> + <see cref="StandardBias"/> and
/// <see cref="Bias"/> + <see cref="DaylightBias"/>. A zone without daylight time has both dates unset.
/// </summary>
public sealed record EasTimeZone(
    int Bias, string StandardName, SystemTime StandardDate, int StandardBias,
    string DaylightName, SystemTime DaylightDate, int DaylightBias)
{
    /// <summary>The size of the blob (MS-ASDTYPE 2.7).</summary>
    public const int BlobLength = 172;

    /// <summary>UTF-16 code units a name may have; the 32nd is the terminating NUL.</summary>
    public const int MaxNameLength = 31;

    private const int NameBytes = 64;

    /// <summary>UTC with no daylight time: what an all-zero blob means.</summary>
    public static EasTimeZone Utc { get; } = new(0, string.Empty, SystemTime.None, 0, string.Empty, SystemTime.None, 0);

    /// <summary>Whether the zone changes to daylight time and back every year.</summary>
    public bool HasDaylightTime => StandardDate.IsSet && DaylightDate.IsSet;

    /// <summary>The UTC offset in standard time.</summary>
    public Offset StandardOffset => Offset.FromSeconds(-(Bias + StandardBias) * 60);

    /// <summary>The UTC offset in daylight time (the standard offset for a zone without daylight time).</summary>
    public Offset DaylightOffset => HasDaylightTime ? Offset.FromSeconds(-(Bias + DaylightBias) * 60) : StandardOffset;

    /// <summary>The blob in the base64 text of the calendar:Timezone element.</summary>
    /// <exception cref="FormatException">Not base64, or not 172 bytes.</exception>
    public static EasTimeZone FromBase64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromBlob(Convert.FromBase64String(text.Trim()));
    }

    /// <summary>The zone a 172-byte blob describes. Names are read up to their first NUL.</summary>
    /// <exception cref="FormatException">The blob is not 172 bytes, or its offsets are beyond ±18 hours.</exception>
    public static EasTimeZone FromBlob(ReadOnlySpan<byte> blob)
    {
        if (blob.Length != BlobLength) throw new FormatException($"A TimeZone blob has {BlobLength} bytes, not {blob.Length} (MS-ASDTYPE 2.7).");
        var zone = new EasTimeZone(
            BinaryPrimitives.ReadInt32LittleEndian(blob),
            ReadName(blob.Slice(4, NameBytes)),
            SystemTime.Read(blob.Slice(68, SystemTime.Length)),
            BinaryPrimitives.ReadInt32LittleEndian(blob[84..]),
            ReadName(blob.Slice(88, NameBytes)),
            SystemTime.Read(blob.Slice(152, SystemTime.Length)),
            BinaryPrimitives.ReadInt32LittleEndian(blob[168..]));
        const int limit = 18 * 60;
        if (Math.Abs((long)zone.Bias + zone.StandardBias) > limit || Math.Abs((long)zone.Bias + zone.DaylightBias) > limit)
            throw new FormatException("A TimeZone blob's offsets are beyond 18 hours.");
        return zone;
    }

    /// <summary>The 172-byte blob; names longer than <see cref="MaxNameLength"/> are cut.</summary>
    public byte[] ToBlob()
    {
        var blob = new byte[BlobLength];
        BinaryPrimitives.WriteInt32LittleEndian(blob, Bias);
        WriteName(StandardName, blob.AsSpan(4, NameBytes));
        StandardDate.Write(blob.AsSpan(68, SystemTime.Length));
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(84), StandardBias);
        WriteName(DaylightName, blob.AsSpan(88, NameBytes));
        DaylightDate.Write(blob.AsSpan(152, SystemTime.Length));
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(168), DaylightBias);
        return blob;
    }

    /// <summary>The base64 text for calendar:Timezone.</summary>
    public string ToBase64() => Convert.ToBase64String(ToBlob());

    /// <summary>
    /// The blob for <paramref name="zone"/> in <paramref name="year"/>: its standard and daylight offsets and the
    /// local times of its two transitions that year, in the recurring day-of-week form. Names are the zone's Windows
    /// name (CLDR mapping) where it has one, else its id.
    /// </summary>
    public static EasTimeZone FromZone(DateTimeZone zone, int year) => ZoneRules.ToEasTimeZone(zone, year);

    /// <summary>
    /// The NodaTime zone this blob is in <paramref name="year"/>: the tzdb zone whose offsets and transitions match
    /// that year (the one the StandardName names where several match), else a zone following the blob's own rules
    /// (<see cref="EasTimeZoneMatch.IsCustom"/>).
    /// </summary>
    public EasTimeZoneMatch ToZone(int year) => TimeZoneMatcher.Match(this, year);

    /// <summary>Whether the two blobs put the same offsets and transitions on <paramref name="year"/>, names aside.</summary>
    public bool SameRules(EasTimeZone other, int year)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ResolvedRules.Of(this, year) == ResolvedRules.Of(other, year);
    }

    /// <summary>A copy with the names cut to what the blob holds.</summary>
    public EasTimeZone WithBlobNames() => this with { StandardName = Cut(StandardName), DaylightName = Cut(DaylightName) };

    private static string Cut(string name) => name.Length > MaxNameLength ? name[..MaxNameLength] : name;

    private static string ReadName(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.Unicode.GetString(bytes);
        var end = text.IndexOf('\0', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static void WriteName(string name, Span<byte> bytes) => Encoding.Unicode.GetBytes(Cut(name ?? string.Empty), bytes);
}

/// <summary>What a blob was matched to: a tzdb zone, or (<see cref="IsCustom"/>) a zone of the blob's own rules.</summary>
public sealed record EasTimeZoneMatch(DateTimeZone Zone, bool IsCustom);
