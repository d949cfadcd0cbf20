using Eas.Actors.Sync.Email;

namespace Eas.Actors.Mailboxes;

/// <summary>How much of each message a fetch brings: text up to a size, HTML, or the whole MIME source.</summary>
/// <param name="MaxBodyBytes">The most body bytes any preference asks for; null for whole bodies.</param>
/// <param name="WantHtml">Whether an HTML body is wanted.</param>
/// <param name="WantMime">Whether the whole MIME source is wanted (BodyPreference type 4, or 2.5 MIMESupport).</param>
public sealed record EmailContentRequest(long? MaxBodyBytes, bool WantHtml, bool WantMime)
{
    /// <summary>
    /// Set by a caller that may serve the whole MIME source (ItemOperations): the buffer the session fetched the
    /// message into is handed over as <see cref="EmailMime.Source"/> rather than copied into memory, and only its
    /// first <c>MimePrefixBytes</c> bytes are read into <see cref="EmailMime.Data"/>, what a MIME body truncated to
    /// that size needs. Null (Sync) reads the MIME up to <see cref="MaxBodyBytes"/> into memory and closes the buffer.
    /// </summary>
    public long? MimePrefixBytes { get; init; }
}

/// <summary>One fetched message: its UID and flags now, and what the encoder turns into ApplicationData.</summary>
public sealed record FetchedEmail(uint Uid, MessageFlags Flags, EmailItem Item);
