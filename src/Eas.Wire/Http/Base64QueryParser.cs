using System.Buffers.Binary;

namespace Eas.Wire.Http;

/// <summary>
/// Parses the base64-encoded query value (MS-ASHTTP 2.2.1.1.1.1): one token whose bytes are
/// Protocol version (1), Command code (1), Locale (2, little-endian), Device ID length (1, &gt; 0),
/// Device ID, Policy key length (1, 0 or 4), Policy key (uint32, little-endian), Device type length (1),
/// Device type, then encoded command parameters of tag (1), length (1), value (MS-ASHTTP 2.2.1.1.1.1.1).
/// </summary>
/// <remarks>
/// The token may be percent-encoded, may lack padding, and may have had <c>+</c> turned into a space by a
/// proxy; URL-safe <c>-</c> and <c>_</c> are read as <c>+</c> and <c>/</c>. The MS-ASProtocolVersion header is
/// ignored (the byte rules); X-MS-PolicyKey is used only when the Policy key field is empty, and
/// MS-ASAcceptMultiPart: T is honoured as well as the Options bit.
/// </remarks>
internal static class Base64QueryParser
{
    /// <summary>The most bytes a query of <see cref="EasRequestLineParser.MaxQueryLength"/> characters can decode to.</summary>
    private const int MaxDecodedLength = EasRequestLineParser.MaxQueryLength / 4 * 3;

    public static EasRequestLine Parse(ReadOnlySpan<char> query, Func<string, string?> getHeader)
    {
        Span<byte> buffer = stackalloc byte[MaxDecodedLength];
        var reader = new Base64Reader(Decode(query, buffer));

        var versionByte = reader.Byte("Protocol version");
        if (!ProtocolVersion.TryFromByte(versionByte, out var version))
            throw RequestValues.Error(EasRequestErrorReason.UnsupportedProtocolVersion, "Protocol version",
                $"Base64 query: protocol version byte {versionByte} is not supported; supported: {ProtocolVersion.SupportedHeaderValue}.");
        if (!version.AllowsBase64Query)
            throw RequestValues.Error(EasRequestErrorReason.Base64NotAllowedForVersion, "Protocol version",
                $"Base64 query: protocol version {version} must use the plain text query form (MS-ASHTTP 2.2.1.1.1.1).");

        var code = reader.Byte("Command code");
        if (!EasCommands.TryFromCode(code, out var command))
            throw RequestValues.Error(EasRequestErrorReason.UnknownCommand, "Command code",
                $"Base64 query: command code {code} is not an ActiveSync command.");

        try
        {
            return ParseRest(ref reader, getHeader, command, version);
        }
        catch (EasRequestException e)
        {
            // The version and command were read: a 14.0+ client is answered in its command's Status (MS-ASCMD 2.2.2).
            throw e.About(command, version);
        }
    }

    private static EasRequestLine ParseRest(ref Base64Reader reader, Func<string, string?> getHeader, EasCommand command, ProtocolVersion version)
    {
        var locale = BinaryPrimitives.ReadUInt16LittleEndian(reader.Bytes(2, "Locale"));

        var deviceIdLength = reader.Byte("Device ID length");
        if (deviceIdLength == 0)
            throw RequestValues.Error(EasRequestErrorReason.InvalidDeviceId, "DeviceId", "Base64 query: Device ID length is 0.");
        var deviceId = RequestValues.DeviceId(DeviceIdText(reader.Bytes(deviceIdLength, "Device ID")));

        var policyKeyLength = reader.Byte("Policy key length");
        uint? policyKey = policyKeyLength switch
        {
            0 => RequestValues.PolicyKeyHeader(getHeader(EasHeaderNames.PolicyKey)),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(reader.Bytes(4, "Policy key")),
            _ => throw RequestValues.Error(EasRequestErrorReason.InvalidPolicyKey, "Policy key",
                $"Base64 query: Policy key length is {policyKeyLength}; it must be 0 or 4."),
        };

        var deviceTypeLength = reader.Byte("Device type length");
        if (deviceTypeLength == 0)
            throw RequestValues.Error(EasRequestErrorReason.InvalidDeviceType, "DeviceType", "Base64 query: Device type length is 0.");
        var deviceType = RequestValues.DeviceType(
            RequestValues.Utf8(reader.Bytes(deviceTypeLength, "Device type"), EasRequestErrorReason.InvalidDeviceType, "DeviceType"));

        var line = new EasRequestLine
        {
            Command = command,
            DeviceId = deviceId,
            DeviceType = deviceType,
            ProtocolVersion = version,
            PolicyKey = policyKey,
            Locale = locale,
            AcceptMultiPart = RequestValues.AcceptMultiPartHeader(getHeader(EasHeaderNames.AcceptMultiPart)),
            UserAgent = getHeader(EasHeaderNames.UserAgent),
            Encoding = EasQueryEncoding.Base64,
        };
        return ReadParameters(ref reader, line);
    }

    private static EasRequestLine ReadParameters(ref Base64Reader reader, EasRequestLine line)
    {
        var seen = 0;
        while (!reader.AtEnd)
        {
            var tag = reader.Byte("command parameter tag");
            if (tag > (byte)EasCommandParameter.User)
            {
                // Not in MS-ASHTTP's table: skipped, as the plain form skips unknown names.
                var unknown = $"command parameter {tag}";
                reader.Bytes(reader.Byte(unknown + " length"), unknown);
                line = line with { IgnoredParameters = line.IgnoredParameters.Add(unknown) };
                continue;
            }

            var parameter = (EasCommandParameter)tag;
            var field = parameter.ToString();
            if ((seen & (1 << tag)) != 0)
                throw RequestValues.Error(EasRequestErrorReason.DuplicateParameter, field,
                    $"Base64 query: command parameter {field} appears more than once.");
            seen |= 1 << tag;

            var length = reader.Byte(field + " length");
            var value = reader.Bytes(length, field);
            if (parameter == EasCommandParameter.Options)
            {
                if (length != 1)
                    throw RequestValues.Error(EasRequestErrorReason.InvalidOptions, field,
                        $"Base64 query: Options is {length} bytes long; it must be exactly 1.");
                var options = (EasCommandOptions)value[0];
                line = line with
                {
                    SaveInSent = options.HasFlag(EasCommandOptions.SaveInSent),
                    AcceptMultiPart = line.AcceptMultiPart || options.HasFlag(EasCommandOptions.AcceptMultiPart),
                };
                continue;
            }

            // A zero-length value is allowed by MS-ASHTTP 2.2.1.1.1.1.1 and read as an absent parameter.
            if (length == 0) continue;
            var text = RequestValues.Text(
                RequestValues.Utf8(value, EasRequestErrorReason.InvalidParameterValue, field),
                EasRequestErrorReason.InvalidParameterValue, field);
            line = parameter switch
            {
                EasCommandParameter.AttachmentName => line with { AttachmentName = text },
                EasCommandParameter.CollectionId => line with { CollectionId = text },
                EasCommandParameter.CollectionName => line with { CollectionName = text },
                EasCommandParameter.ItemId => line with { ItemId = text },
                EasCommandParameter.LongId => line with { LongId = text },
                EasCommandParameter.ParentId => line with { ParentId = text },
                EasCommandParameter.Occurrence => line with { Occurrence = text },
                _ => line with { User = text },
            };
        }

        return line;
    }

    /// <summary>
    /// The device id as text: ASCII letters and digits as they are (the spec's example, <c>v140Device</c>);
    /// anything else, such as a 16-byte GUID, as upper-case hex, which fits the plain form's 32 characters.
    /// </summary>
    private static string DeviceIdText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (!char.IsAsciiLetterOrDigit((char)b)) return Convert.ToHexString(bytes);
        }

        return System.Text.Encoding.ASCII.GetString(bytes);
    }

    private static ReadOnlySpan<byte> Decode(ReadOnlySpan<char> query, Span<byte> buffer)
    {
        var text = query.Contains('%') ? Uri.UnescapeDataString(query.ToString()).AsSpan() : query;
        Span<char> chars = stackalloc char[EasRequestLineParser.MaxQueryLength + 3];
        var length = 0;
        var padding = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i] switch
            {
                ' ' or '-' => '+',
                '_' => '/',
                var other => other,
            };
            if (c == '=')
            {
                padding++;
                continue;
            }

            if (padding > 0 || !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
                throw RequestValues.Error(EasRequestErrorReason.InvalidBase64, "query",
                    padding > 0
                        ? $"Base64 query: '=' padding is followed by more data at position {i}."
                        : $"Base64 query: character '{RequestValues.Quote([c])}' at position {i} is not base64.");
            chars[length++] = c;
        }

        if (length == 0 || length % 4 == 1 || (padding > 0 && (length + padding) % 4 != 0))
            throw RequestValues.Error(EasRequestErrorReason.InvalidBase64, "query",
                $"Base64 query: {length} base64 characters with {padding} '=' is not a valid length.");
        while (length % 4 != 0) chars[length++] = '=';

        if (!Convert.TryFromBase64Chars(chars[..length], buffer, out var written))
            throw RequestValues.Error(EasRequestErrorReason.InvalidBase64, "query", "Base64 query: the value does not decode.");
        return buffer[..written];
    }
}
