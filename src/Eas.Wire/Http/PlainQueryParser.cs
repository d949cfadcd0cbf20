namespace Eas.Wire.Http;

/// <summary>
/// Parses the plain text query value, <c>Cmd=…&amp;User=…&amp;DeviceId=…&amp;DeviceType=…</c> followed by
/// command-specific parameters (MS-ASHTTP 2.2.1.1.1.2).
/// </summary>
/// <remarks>
/// Order is free (iOS puts Cmd last, against the ABNF), names match case-insensitively, empty pairs
/// (<c>a=b&amp;&amp;c=d</c>) are skipped, and so is a name outside the spec's tables (Exchange ignores them, and
/// clients send them); it is reported in <see cref="EasRequestLine.IgnoredParameters"/>. A repeated name or an
/// empty value is refused. Values are percent-decoded with <c>+</c> as space, as ASP.NET (and so Exchange) reads them.
/// </remarks>
internal static class PlainQueryParser
{
    private static readonly string[] Names = Enum.GetNames<PlainQueryParameter>();

    /// <summary>Whether the text is a parameter name of the plain form (MS-ASHTTP 2.2.1.1.1.2, 2.2.1.1.1.2.5).</summary>
    public static bool IsKnownName(ReadOnlySpan<char> text) => TryIdentify(text, out _);

    public static EasRequestLine Parse(ReadOnlySpan<char> query, Func<string, string?> getHeader)
    {
        var values = new string?[Names.Length];
        List<string>? ignored = null;
        var rest = query;
        while (!rest.IsEmpty)
        {
            var amp = rest.IndexOf('&');
            var pair = amp < 0 ? rest : rest[..amp];
            rest = amp < 0 ? [] : rest[(amp + 1)..];
            if (pair.IsEmpty) continue;

            var eq = pair.IndexOf('=');
            if (eq < 0)
                throw RequestValues.Error(EasRequestErrorReason.MalformedQuery, RequestValues.Quote(pair),
                    $"Query parameter '{RequestValues.Quote(pair)}' has no '='.");
            var rawName = pair[..eq];
            if (!TryIdentify(rawName, out var name))
            {
                (ignored ??= []).Add(RequestValues.Quote(rawName));
                continue;
            }

            var field = Names[(int)name];
            if (values[(int)name] is not null)
                throw RequestValues.Error(EasRequestErrorReason.DuplicateParameter, field,
                    $"Query parameter {field} appears more than once.");
            try
            {
                values[(int)name] = Decode(pair[(eq + 1)..], name, field);
            }
            catch (EasRequestException e) when (name is PlainQueryParameter.DeviceId or PlainQueryParameter.DeviceType)
            {
                // An empty or unencoded DeviceId is refused here, before Build: name the command and version all the
                // same, so a 14.0+ client still gets its status in the body (MS-ASCMD 2.2.2).
                throw e.About(CommandIn(query), VersionIn(getHeader));
            }
        }

        return Build(values, getHeader) with { IgnoredParameters = ignored is null ? [] : [.. ignored] };
    }

    /// <summary>
    /// Builds the line; a refusal carries the command and version when those two were readable, so a 14.0+
    /// client can be answered in its command's Status element (MS-ASCMD 2.2.2).
    /// </summary>
    private static EasRequestLine Build(string?[] values, Func<string, string?> getHeader)
    {
        var cmd = values[(int)PlainQueryParameter.Cmd]
            ?? throw RequestValues.Error(EasRequestErrorReason.MissingCommand, "Cmd", "The query has no Cmd parameter.");
        if (!EasCommands.TryParseName(cmd, out var command))
            throw RequestValues.Error(EasRequestErrorReason.UnknownCommand, "Cmd",
                $"Cmd '{RequestValues.Quote(cmd)}' is not an ActiveSync command.");
        var version = ProtocolVersionHeader(getHeader(EasHeaderNames.ProtocolVersion));
        try
        {
            return Build(values, getHeader, command, version);
        }
        catch (EasRequestException e)
        {
            throw e.About(command, version);
        }
    }

    private static EasRequestLine Build(string?[] values, Func<string, string?> getHeader, EasCommand command, ProtocolVersion version)
    {
        var deviceId = values[(int)PlainQueryParameter.DeviceId]
            ?? throw RequestValues.Error(EasRequestErrorReason.MissingDeviceId, "DeviceId", "The query has no DeviceId parameter.");
        var deviceType = values[(int)PlainQueryParameter.DeviceType]
            ?? throw RequestValues.Error(EasRequestErrorReason.MissingDeviceType, "DeviceType", "The query has no DeviceType parameter.");
        var saveInSent = values[(int)PlainQueryParameter.SaveInSent];

        return new EasRequestLine
        {
            Command = command,
            User = values[(int)PlainQueryParameter.User],
            DeviceId = RequestValues.DeviceId(deviceId),
            DeviceType = RequestValues.DeviceType(deviceType),
            ProtocolVersion = version,
            PolicyKey = RequestValues.PolicyKeyHeader(getHeader(EasHeaderNames.PolicyKey)),
            AttachmentName = values[(int)PlainQueryParameter.AttachmentName],
            CollectionId = values[(int)PlainQueryParameter.CollectionId],
            CollectionName = values[(int)PlainQueryParameter.CollectionName],
            ItemId = values[(int)PlainQueryParameter.ItemId],
            LongId = values[(int)PlainQueryParameter.LongId],
            ParentId = values[(int)PlainQueryParameter.ParentId],
            Occurrence = values[(int)PlainQueryParameter.Occurrence],
            SaveInSent = saveInSent is not null
                && RequestValues.Flag(saveInSent, EasRequestErrorReason.InvalidSaveInSent, "SaveInSent"),
            AcceptMultiPart = RequestValues.AcceptMultiPartHeader(getHeader(EasHeaderNames.AcceptMultiPart)),
            UserAgent = getHeader(EasHeaderNames.UserAgent),
            Encoding = EasQueryEncoding.Plain,
        };
    }

    /// <summary>The command the query names, if its Cmd value is a known command as sent.</summary>
    private static EasCommand? CommandIn(ReadOnlySpan<char> query)
    {
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq].Equals(nameof(PlainQueryParameter.Cmd), StringComparison.OrdinalIgnoreCase)
                && EasCommands.TryParseName(pair[(eq + 1)..], out var command))
                return command;
        }

        return null;
    }

    /// <summary>The protocol version of the MS-ASProtocolVersion header, if it is a supported one.</summary>
    private static ProtocolVersion? VersionIn(Func<string, string?> getHeader) =>
        getHeader(EasHeaderNames.ProtocolVersion) is { } header && ProtocolVersion.TryParse(header.AsSpan().Trim(), out var version) ? version : null;

    private static ProtocolVersion ProtocolVersionHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            throw RequestValues.Error(EasRequestErrorReason.MissingProtocolVersion, EasHeaderNames.ProtocolVersion,
                $"The plain query form needs an {EasHeaderNames.ProtocolVersion} header.");
        var trimmed = header.AsSpan().Trim();
        return ProtocolVersion.TryParse(trimmed, out var version)
            ? version
            : throw RequestValues.Error(EasRequestErrorReason.UnsupportedProtocolVersion, EasHeaderNames.ProtocolVersion,
                $"{EasHeaderNames.ProtocolVersion} '{RequestValues.Quote(trimmed)}' is not supported; supported: {ProtocolVersion.SupportedHeaderValue}.");
    }

    /// <summary>
    /// Checks the raw value against <c>parameter-value = 1*VCHAR</c>, percent-decodes it and checks the
    /// decoded text for control characters.
    /// </summary>
    private static string Decode(ReadOnlySpan<char> raw, PlainQueryParameter name, string field)
    {
        var reason = ReasonFor(name);
        if (raw.IsEmpty)
            throw RequestValues.Error(reason, field, $"Query parameter {field} has an empty value.");
        var outside = raw.IndexOfAnyExceptInRange('!', '~');
        if (outside >= 0)
            throw RequestValues.Error(reason, field,
                $"Query parameter {field} has a character that must be percent-encoded (U+{(int)raw[outside]:X4}) at position {outside}.");

        var decoded = raw.ContainsAny('%', '+')
            ? Uri.UnescapeDataString(raw.ToString().Replace('+', ' '))
            : raw.ToString();
        return RequestValues.Text(decoded, reason, field);
    }

    private static EasRequestErrorReason ReasonFor(PlainQueryParameter name) => name switch
    {
        PlainQueryParameter.Cmd => EasRequestErrorReason.UnknownCommand,
        PlainQueryParameter.DeviceId => EasRequestErrorReason.InvalidDeviceId,
        PlainQueryParameter.DeviceType => EasRequestErrorReason.InvalidDeviceType,
        PlainQueryParameter.SaveInSent => EasRequestErrorReason.InvalidSaveInSent,
        _ => EasRequestErrorReason.InvalidParameterValue,
    };

    private static bool TryIdentify(ReadOnlySpan<char> text, out PlainQueryParameter name)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (text.Equals(Names[i], StringComparison.OrdinalIgnoreCase))
            {
                name = (PlainQueryParameter)i;
                return true;
            }
        }

        name = default;
        return false;
    }
}
