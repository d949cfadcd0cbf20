namespace Eas.Wire.Wbxml;

/// <summary>
/// Bounds on what the decoder accepts from an untrusted peer. The defaults fit every real EAS request
/// (a Sync of a full window of changes, a SendMail carrying attachments) with room to spare while
/// keeping a hostile document from costing more than a few times its own size.
/// </summary>
public sealed record WbxmlLimits
{
    /// <summary>The defaults: depth 40, 250,000 elements, 16 MiB strings, 48 MiB opaque, 64 MiB in all.</summary>
    public static WbxmlLimits Default { get; } = new();

    /// <summary>Deepest element nesting; the deepest EAS documents (calendar exceptions) nest about 12.</summary>
    public int MaxDepth { get; init; } = 40;

    /// <summary>Most elements in one document.</summary>
    public int MaxElements { get; init; } = 250_000;

    /// <summary>Longest inline string (STR_I) in bytes, without its terminator.</summary>
    public int MaxStringBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Longest opaque value in bytes (MIME in SendMail is opaque).</summary>
    public int MaxOpaqueBytes { get; init; } = 48 * 1024 * 1024;

    /// <summary>Largest whole document in bytes.</summary>
    public int MaxDocumentBytes { get; init; } = 64 * 1024 * 1024;
}
