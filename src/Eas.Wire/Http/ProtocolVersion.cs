using System.Diagnostics.CodeAnalysis;

namespace Eas.Wire.Http;

/// <summary>
/// An ActiveSync protocol version. Only the seven versions MS-ASHTTP defines can be constructed: "2.5",
/// "12.0", "12.1", "14.0", "14.1", "16.0" and "16.1" (MS-ASHTTP 2.2.1.1.2.6). The header form is the
/// dotted string; the base64-encoded query value carries major * 10 + minor in one byte, so 141 is 14.1
/// and 25 is 2.5 (MS-ASHTTP 2.2.1.1.1.1).
/// </summary>
/// <remarks><c>default(ProtocolVersion)</c> is "0.0", which is not a version; never use it.</remarks>
public readonly struct ProtocolVersion : IEquatable<ProtocolVersion>, IComparable<ProtocolVersion>
{
    private readonly byte _code;

    private ProtocolVersion(byte code) => _code = code;

    /// <summary>Protocol version 2.5 (Exchange 2003 SP2).</summary>
    public static ProtocolVersion V25 { get; } = new(25);

    /// <summary>Protocol version 12.0 (Exchange 2007).</summary>
    public static ProtocolVersion V120 { get; } = new(120);

    /// <summary>Protocol version 12.1 (Exchange 2007 SP1), the first that may use the base64 query value.</summary>
    public static ProtocolVersion V121 { get; } = new(121);

    /// <summary>Protocol version 14.0 (Exchange 2010).</summary>
    public static ProtocolVersion V140 { get; } = new(140);

    /// <summary>Protocol version 14.1 (Exchange 2010 SP1).</summary>
    public static ProtocolVersion V141 { get; } = new(141);

    /// <summary>Protocol version 16.0 (Exchange 2016).</summary>
    public static ProtocolVersion V160 { get; } = new(160);

    /// <summary>Protocol version 16.1 (Exchange 2016 CU and later).</summary>
    public static ProtocolVersion V161 { get; } = new(161);

    /// <summary>The supported versions, oldest first.</summary>
    public static IReadOnlyList<ProtocolVersion> Supported { get; } = [V25, V120, V121, V140, V141, V160, V161];

    /// <summary>
    /// The comma-joined list for the MS-ASProtocolVersions response header (MS-ASHTTP 2.2.4.1.2.2):
    /// <c>2.5,12.0,12.1,14.0,14.1,16.0,16.1</c>.
    /// </summary>
    public static string SupportedHeaderValue { get; } = string.Join(',', Supported);

    /// <summary>The major version: 2, 12, 14 or 16.</summary>
    public int Major => _code / 10;

    /// <summary>The minor version: 0, 1 or 5.</summary>
    public int Minor => _code % 10;

    /// <summary>
    /// Whether a client of this version may send the base64-encoded query value; 2.5 and 12.0 must use
    /// the plain text form (MS-ASHTTP 2.2.1.1.1.1).
    /// </summary>
    public bool AllowsBase64Query => _code >= 121;

    /// <summary>Parses the header form, e.g. <c>14.1</c>.</summary>
    /// <exception cref="FormatException">The text is not one of the supported versions.</exception>
    public static ProtocolVersion Parse(string text) =>
        TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not a supported ActiveSync protocol version; supported: {SupportedHeaderValue}.");

    /// <summary>Parses the header form, e.g. <c>14.1</c>; exact match only, no whitespace.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ProtocolVersion version) =>
        TryParse(text.AsSpan(), out version);

    /// <summary>Parses the header form, e.g. <c>14.1</c>; exact match only, no whitespace.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ProtocolVersion version)
    {
        foreach (var candidate in Supported)
        {
            if (text.SequenceEqual(candidate.ToString()))
            {
                version = candidate;
                return true;
            }
        }

        version = default;
        return false;
    }

    /// <summary>Reads the base64 Protocol version byte, e.g. 141 for 14.1.</summary>
    /// <exception cref="FormatException">The byte is not one of the supported versions.</exception>
    public static ProtocolVersion FromByte(byte code) =>
        TryFromByte(code, out var version)
            ? version
            : throw new FormatException($"{code} is not a supported ActiveSync protocol version byte; supported: {SupportedHeaderValue}.");

    /// <summary>Reads the base64 Protocol version byte, e.g. 141 for 14.1.</summary>
    public static bool TryFromByte(byte code, out ProtocolVersion version)
    {
        version = new ProtocolVersion(code);
        if (code is 25 or 120 or 121 or 140 or 141 or 160 or 161) return true;
        version = default;
        return false;
    }

    /// <summary>The base64 Protocol version byte, e.g. 141 for 14.1.</summary>
    public byte ToByte() => _code;

    /// <summary>The header form, e.g. <c>14.1</c>.</summary>
    public override string ToString() => _code switch
    {
        25 => "2.5",
        120 => "12.0",
        121 => "12.1",
        140 => "14.0",
        141 => "14.1",
        160 => "16.0",
        161 => "16.1",
        _ => $"{Major}.{Minor}",
    };

    /// <inheritdoc/>
    public bool Equals(ProtocolVersion other) => _code == other._code;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ProtocolVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _code;

    /// <inheritdoc/>
    public int CompareTo(ProtocolVersion other) => _code.CompareTo(other._code);

    /// <summary>Equal versions.</summary>
    public static bool operator ==(ProtocolVersion left, ProtocolVersion right) => left.Equals(right);

    /// <summary>Different versions.</summary>
    public static bool operator !=(ProtocolVersion left, ProtocolVersion right) => !left.Equals(right);

    /// <summary>Older than.</summary>
    public static bool operator <(ProtocolVersion left, ProtocolVersion right) => left._code < right._code;

    /// <summary>Older than or equal to.</summary>
    public static bool operator <=(ProtocolVersion left, ProtocolVersion right) => left._code <= right._code;

    /// <summary>Newer than.</summary>
    public static bool operator >(ProtocolVersion left, ProtocolVersion right) => left._code > right._code;

    /// <summary>Newer than or equal to.</summary>
    public static bool operator >=(ProtocolVersion left, ProtocolVersion right) => left._code >= right._code;
}
