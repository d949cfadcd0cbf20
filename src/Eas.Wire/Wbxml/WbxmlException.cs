namespace Eas.Wire.Wbxml;

/// <summary>
/// The bytes are not a WBXML document this server accepts (MS-ASWBXML 2.1.2: WBXML 1.3, public id 1,
/// UTF-8, no string table), or they exceed a <see cref="WbxmlLimits"/> bound. The only exception the
/// decoder raises for bad input; the host answers it with HTTP 400 and logs <see cref="Exception.Message"/>.
/// </summary>
public sealed class WbxmlException : Exception
{
    public WbxmlException(string reason, long offset)
        : base($"{reason} (at byte {offset})")
    {
        Reason = reason;
        Offset = offset;
    }

    public WbxmlException() : this("Malformed WBXML", 0) { }

    public WbxmlException(string message) : this(message, 0) { }

    public WbxmlException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>What was wrong, without the offset.</summary>
    public string Reason { get; } = "Malformed WBXML";

    /// <summary>Zero-based offset of the offending byte in the document.</summary>
    public long Offset { get; }
}
