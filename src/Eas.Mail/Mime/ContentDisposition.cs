namespace Eas.Mail.Mime;

/// <summary>
/// A Content-Disposition field (RFC 2183). The disposition type is lower-cased; RFC 2183 section 2.8 says an
/// unknown type is to be treated as "attachment".
/// </summary>
public sealed class ContentDisposition
{
    private ContentDisposition(string disposition, ParameterList parameters)
    {
        Disposition = disposition;
        Parameters = parameters;
    }

    /// <summary>"inline", "attachment", or another value as written (lower-case); empty when the field had none.</summary>
    public string Disposition { get; }

    /// <summary>The parameters, decoded.</summary>
    public ParameterList Parameters { get; }

    /// <summary>True for "inline" only.</summary>
    public bool IsInline => Disposition == "inline";

    /// <summary>True for anything but "inline" and an empty type (RFC 2183 section 2.8).</summary>
    public bool IsAttachment => Disposition.Length > 0 && !IsInline;

    /// <summary>The "filename" parameter (RFC 2183 section 2.3) with RFC 2231 and RFC 2047 forms decoded, or null.</summary>
    public string? FileName => Parameters["filename"];

    /// <summary>The "size" parameter (RFC 2183 section 2.7) when it is a valid number.</summary>
    public long? Size => long.TryParse(Parameters["size"], out var size) && size >= 0 ? size : null;

    /// <summary>Parses a field value; null for a missing field.</summary>
    public static ContentDisposition? Parse(string? value)
    {
        if (value is null) return null;
        var (head, parameters) = ParameterParser.Parse(value);
        return new ContentDisposition(head.Trim('"', ' ', '\t').ToLowerInvariant(), parameters);
    }

    public override string ToString() => Disposition + Parameters;
}
