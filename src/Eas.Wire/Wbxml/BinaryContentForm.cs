namespace Eas.Wire.Wbxml;

/// <summary>How a <see cref="SegmentedBody"/> writes a <see cref="BinaryContent"/>.</summary>
public enum BinaryContentForm
{
    /// <summary>The bytes as they are: the value of an OPAQUE, or a part of a multipart response.</summary>
    Raw,

    /// <summary>The base64 form (RFC 4648, padded), the body of an inline string.</summary>
    Base64,

    /// <summary>
    /// The bytes as the body of an inline string (STR_I, WAP-192 5.8.4.1): as they are, but each NUL byte, which would
    /// end the string, is written as a space (<see cref="WbxmlStrings.NulReplacement"/>).
    /// </summary>
    InlineString,
}
