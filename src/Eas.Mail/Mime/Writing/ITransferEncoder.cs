namespace Eas.Mail.Mime.Writing;

/// <summary>A Content-Transfer-Encoding applied as bytes stream through (RFC 2045 section 6).</summary>
internal interface ITransferEncoder
{
    /// <summary>Encodes the next bytes; input may be split anywhere.</summary>
    void Write(ReadOnlySpan<byte> bytes);

    /// <summary>Writes what is held back at the end of the input.</summary>
    void Complete();
}
