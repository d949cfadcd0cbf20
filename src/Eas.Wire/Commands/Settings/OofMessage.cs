namespace Eas.Wire.Commands.Settings;

/// <summary>One audience's OOF reply (OofMessage, MS-ASCMD 2.2.3.123).</summary>
/// <param name="Audience">Whom the reply answers.</param>
public sealed record OofMessage(OofAudience Audience)
{
    /// <summary>Whether the reply is sent to this audience (Enabled).</summary>
    public bool? Enabled { get; init; }

    /// <summary>The reply text (ReplyMessage).</summary>
    public string? ReplyMessage { get; init; }

    /// <summary>The reply's format, <c>Text</c> or <c>HTML</c> (BodyType, 2.2.3.17).</summary>
    public string? BodyType { get; init; }
}
