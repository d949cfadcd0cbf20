namespace Eas.Wire.Commands;

/// <summary>
/// A client's wish for one body format, from an airsyncbase:BodyPreference or airsyncbase:BodyPartPreference
/// element (MS-ASAIRS 2.2.2.12 and 2.2.2.11) in Sync, ItemOperations and Search options. The two elements
/// have the same children; BodyPartPreference is 14.1+ and asks for a conversation body part.
/// </summary>
/// <param name="Type">The body type: 1 plain text, 2 HTML, 3 RTF, 4 MIME (MS-ASAIRS 2.2.2.41.1).</param>
public sealed record BodyPreference(BodyType Type)
{
    /// <summary>Truncate the body to this many bytes; null for the whole body (MS-ASAIRS 2.2.2.40).</summary>
    public long? TruncationSize { get; init; }

    /// <summary>When true, send the body only if it fits whole within <see cref="TruncationSize"/> (airsyncbase:AllOrNone).</summary>
    public bool? AllOrNone { get; init; }

    /// <summary>Characters of plain-text preview to add, 0-255; 14.0+ (airsyncbase:Preview, MS-ASAIRS).</summary>
    public int? Preview { get; init; }
}
