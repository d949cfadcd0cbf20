namespace Eas.Mail.Imap.Fetch;

/// <summary>What <see cref="ImapClient.FetchSectionAsync"/> wrote.</summary>
/// <param name="BytesWritten">Octets written to the destination.</param>
/// <param name="TotalSize">
/// The whole section's size when known: the octets written for a fetch without a range; for a range, the
/// decoded size (BINARY.SIZE, RFC 3516 section 4.3) with <paramref name="Decoded"/>, or RFC822.SIZE for the
/// whole message; otherwise null (take it from the part's BODYSTRUCTURE size).
/// </param>
/// <param name="Decoded">
/// Whether the octets are the decoded content (BINARY, RFC 3516) rather than the content still in its
/// Content-Transfer-Encoding. False when BINARY was not asked for or the server does not offer it.
/// </param>
public sealed record ImapSectionResult(long BytesWritten, long? TotalSize, bool Decoded);
