namespace Eas.Mail.Mime;

/// <summary>
/// A Content-Type field (RFC 2045 section 5). Type and subtype are lower-cased. A missing or unparseable field
/// means "text/plain; charset=us-ascii" (section 5.2); inside multipart/digest the default is message/rfc822
/// (RFC 2046 section 5.1.5).
/// </summary>
public sealed class ContentType
{
    private ContentType(string mediaType, string mediaSubtype, ParameterList parameters)
    {
        MediaType = mediaType;
        MediaSubtype = mediaSubtype;
        Parameters = parameters;
    }

    /// <summary>text/plain; charset=us-ascii, the RFC 2045 section 5.2 default.</summary>
    public static ContentType Default { get; } = new("text", "plain", new ParameterList([new MimeParameter("charset", "us-ascii")]));

    /// <summary>message/rfc822, the default inside multipart/digest.</summary>
    public static ContentType MessageRfc822 { get; } = new("message", "rfc822", ParameterList.Empty);

    /// <summary>The top-level type, lower-case ("text", "multipart").</summary>
    public string MediaType { get; }

    /// <summary>The subtype, lower-case ("plain", "mixed").</summary>
    public string MediaSubtype { get; }

    /// <summary>"type/subtype".</summary>
    public string MimeType => MediaType + "/" + MediaSubtype;

    /// <summary>The parameters, decoded.</summary>
    public ParameterList Parameters { get; }

    /// <summary>The charset parameter, or null.</summary>
    public string? Charset => Parameters["charset"];

    /// <summary>The multipart boundary (RFC 2046 section 5.1.1) with trailing blanks removed, or null if absent or empty.</summary>
    public string? Boundary => Parameters["boundary"]?.TrimEnd() is { Length: > 0 } boundary ? boundary : null;

    /// <summary>The "name" parameter older mailers use for the file name.</summary>
    public string? Name => Parameters["name"];

    public bool IsMultipart => MediaType == "multipart";

    public bool IsText => MediaType == "text";

    /// <summary>Whether this is message/rfc822, the type whose body is a whole message (RFC 2046 section 5.2.1).</summary>
    public bool IsMessageRfc822 => MediaType == "message" && MediaSubtype == "rfc822";

    /// <summary>Parses a field value; null, empty or a value without a valid "type/subtype" yields <paramref name="fallback"/> or <see cref="Default"/>.</summary>
    public static ContentType Parse(string? value, ContentType? fallback = null)
    {
        var (head, parameters) = ParameterParser.Parse(value);
        var slash = head.IndexOf('/');
        var type = slash > 0 ? head[..slash].Trim().ToLowerInvariant() : string.Empty;
        var subtype = slash > 0 ? head[(slash + 1)..].Trim().ToLowerInvariant() : string.Empty;
        var blank = subtype.IndexOfAny([' ', '\t']);
        if (blank > 0) subtype = subtype[..blank];
        if (!ParameterList.IsToken(type) || !ParameterList.IsToken(subtype))
        {
            fallback ??= Default;
            // A lone "text" is read as text/plain, keeping the parameters (charset) that came with it.
            if (head.Equals("text", StringComparison.OrdinalIgnoreCase)) return new ContentType("text", "plain", parameters);
            return parameters.Count == 0 ? fallback : new ContentType(fallback.MediaType, fallback.MediaSubtype, parameters);
        }

        return new ContentType(type, subtype, parameters);
    }

    /// <summary>Whether the type is <paramref name="mediaType"/>/<paramref name="mediaSubtype"/> (case-insensitive).</summary>
    public bool Is(string mediaType, string mediaSubtype) =>
        string.Equals(MediaType, mediaType, StringComparison.OrdinalIgnoreCase)
        && string.Equals(MediaSubtype, mediaSubtype, StringComparison.OrdinalIgnoreCase);

    /// <summary>The field value as RFC 2045 text, parameters quoted or RFC 2231-encoded as needed.</summary>
    public override string ToString() => MimeType + Parameters;
}
