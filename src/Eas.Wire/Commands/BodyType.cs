namespace Eas.Wire.Commands;

/// <summary>The body formats of airsyncbase:Type (MS-ASAIRS 2.2.2.41.1).</summary>
public enum BodyType
{
    /// <summary>Plain text.</summary>
    PlainText = 1,

    /// <summary>HTML.</summary>
    Html = 2,

    /// <summary>Rich Text Format, base64-encoded.</summary>
    Rtf = 3,

    /// <summary>The whole MIME message (not allowed in BodyPartPreference).</summary>
    Mime = 4,
}
