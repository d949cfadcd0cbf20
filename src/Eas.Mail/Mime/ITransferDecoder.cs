namespace Eas.Mail.Mime;

/// <summary>
/// An incremental Content-Transfer-Encoding decoder (RFC 2045 section 6). It keeps its own state between calls,
/// so input may be split anywhere, even inside an escape or a base64 quantum.
/// </summary>
internal interface ITransferDecoder
{
    /// <summary>How many bytes more than the input one call may write (bytes held back from earlier calls).</summary>
    int MaxHeldBytes { get; }

    /// <summary>Decodes <paramref name="input"/>; <paramref name="output"/> holds at least input length plus <see cref="MaxHeldBytes"/>.</summary>
    int Decode(ReadOnlySpan<byte> input, Span<byte> output);

    /// <summary>Writes what is held back at the end of the data; <paramref name="output"/> holds <see cref="MaxHeldBytes"/>.</summary>
    int Flush(Span<byte> output);
}
