namespace Eas.Mail.Mime;

/// <summary>
/// Receives each leaf body while <see cref="MimeReader"/> is at it. The stream yields the body decoded from its
/// Content-Transfer-Encoding (not from its charset); it is forward-only, valid only until the call returns, and
/// need not be read to the end: the reader skips what is left. This is how a caller keeps the text bodies and
/// streams or skips attachments without the message ever being in memory. Read it with ReadAsync: a synchronous
/// Read waits on the message stream. An exception thrown here ends the read and propagates.
/// </summary>
public interface IMimePartHandler
{
    ValueTask OnPartAsync(MimePart part, Stream content, CancellationToken cancellationToken);
}
