using System.Globalization;
using System.Text;

namespace Eas.Wire.Http;

/// <summary>Validation and error construction shared by the plain and base64 query parsers.</summary>
internal static class RequestValues
{
    /// <summary>The longest device id: <c>device-id = 1*32(ALPHA / DIGIT)</c> (MS-ASHTTP 2.2.1.1.1.2).</summary>
    public const int MaxDeviceIdLength = 32;

    /// <summary>The longest device type: the most the base64 form's one-byte length can carry (MS-ASHTTP 2.2.1.1.1.1).</summary>
    public const int MaxDeviceTypeLength = 255;

    private const int MaxQuoted = 40;

    public static EasRequestException Error(EasRequestErrorReason reason, string field, string message) =>
        new(reason, field, message);

    /// <summary>
    /// Checks a device id: 1-32 characters (MS-ASHTTP 2.2.1.1.1.2.3), ASCII letters and digits as the spec has it,
    /// and the hyphens and underscores that real phones and third-party clients send too. Anything else (commas,
    /// slashes, dots, spaces) is refused: the id names the device's journal stream and its actor.
    /// </summary>
    public static string DeviceId(string value)
    {
        if (value.Length == 0)
            throw Error(EasRequestErrorReason.InvalidDeviceId, "DeviceId", "DeviceId is empty.");
        if (value.Length > MaxDeviceIdLength)
            throw Error(EasRequestErrorReason.InvalidDeviceId, "DeviceId",
                $"DeviceId is {value.Length} characters long; at most {MaxDeviceIdLength} are allowed.");
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]) && value[i] is not ('-' or '_'))
                throw Error(EasRequestErrorReason.InvalidDeviceId, "DeviceId",
                    $"DeviceId '{Quote(value)}' has a character other than an ASCII letter, digit, hyphen or underscore at position {i}.");
        }

        return value;
    }

    /// <summary>Checks a device type: 1-255 characters, no control characters (MS-ASHTTP 2.2.1.1.1.2.4).</summary>
    public static string DeviceType(string value)
    {
        if (value.Length > MaxDeviceTypeLength)
            throw Error(EasRequestErrorReason.InvalidDeviceType, "DeviceType",
                $"DeviceType is {value.Length} characters long; at most {MaxDeviceTypeLength} are allowed.");
        return Text(value, EasRequestErrorReason.InvalidDeviceType, "DeviceType");
    }

    /// <summary>Checks a free-text value: not empty, no control characters.</summary>
    public static string Text(string value, EasRequestErrorReason reason, string field)
    {
        if (value.Length == 0)
            throw Error(reason, field, $"{field} is empty.");
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
                throw Error(reason, field, $"{field} has a control character (U+{(int)value[i]:X4}) at position {i}.");
        }

        return value;
    }

    /// <summary>Decodes strict UTF-8, as the base64 form's strings are bytes.</summary>
    public static string Utf8(ReadOnlySpan<byte> bytes, EasRequestErrorReason reason, string field)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            throw Error(reason, field, $"{field} is not valid UTF-8.");
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a T/F flag as MS-ASHTTP writes them; lower case is accepted too.</summary>
    public static bool Flag(ReadOnlySpan<char> value, EasRequestErrorReason reason, string field)
    {
        if (value.Length == 1)
        {
            switch (value[0])
            {
                case 'T' or 't': return true;
                case 'F' or 'f': return false;
            }
        }

        throw Error(reason, field, $"{field} is '{Quote(value)}'; only T or F is allowed.");
    }

    /// <summary>
    /// Reads the X-MS-PolicyKey header: a decimal uint32 (MS-ASPROV 2.2.2.42). Absent or blank is null;
    /// "0" is 0.
    /// </summary>
    public static uint? PolicyKeyHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var trimmed = header.AsSpan().Trim();
        if (uint.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var key)) return key;
        throw Error(EasRequestErrorReason.InvalidPolicyKey, EasHeaderNames.PolicyKey,
            $"{EasHeaderNames.PolicyKey} is '{Quote(trimmed)}'; it must be a decimal number from 0 to {uint.MaxValue}.");
    }

    /// <summary>Reads the MS-ASAcceptMultiPart header: T, F, or absent for F (MS-ASHTTP 2.2.1.1.2.5).</summary>
    public static bool AcceptMultiPartHeader(string? header) =>
        !string.IsNullOrWhiteSpace(header)
        && Flag(header.AsSpan().Trim(), EasRequestErrorReason.InvalidAcceptMultiPart, EasHeaderNames.AcceptMultiPart);

    /// <summary>A piece of untrusted input fit for a log line: at most 40 printable ASCII characters.</summary>
    public static string Quote(ReadOnlySpan<char> value)
    {
        var length = Math.Min(value.Length, MaxQuoted);
        var builder = new StringBuilder(length + 1);
        foreach (var c in value[..length])
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        if (value.Length > MaxQuoted) builder.Append('…');
        return builder.ToString();
    }
}
