using Eas.Actors.Sync.Email;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>The bodies of a Sync window: one command for all of them, each read as its literal arrives.</summary>
internal sealed partial class ImapMailSession
{
    /// <summary>Where a message left out of a window is logged.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>
    /// One <c>UID FETCH set (BODY.PEEK[])</c> (RFC 3501 6.4.5, 6.4.8; MailKit's GetStreams) for every message of
    /// <paramref name="wanted"/>. Each literal lands in the buffer <see cref="SpoolingImapFolder"/> gives it and is read
    /// there (<see cref="EmailReader.ParseAsync"/>) before the next one is taken off the connection, so one message's
    /// buffer is alive at a time, as with a command per message. What was read goes into <paramref name="served"/>.
    /// </summary>
    /// <remarks>
    /// A message that is gone by now (another client expunged it after the flags were read, or its file went) comes
    /// back without a body (Dovecot 2.3 answers <c>BODY[] NIL</c>; RFC 5530 3 allows leaving it out) and is left out, as
    /// a UID the flags' FETCH did not return is; one whose buffer cannot be read or parsed is left out too (logged). Neither breaks the command: an exception out of the callback would make MailKit drop the
    /// connection, and the window with it. A failed command hands nothing over: buffers read into items for their MIME
    /// source are disposed before the failure goes on.
    /// </remarks>
    private async Task FetchBodiesAsync(
        IImapFolder selected, Dictionary<uint, IMessageSummary> wanted, EmailContentRequest content, Dictionary<uint, FetchedEmail> served, CancellationToken cancellationToken)
    {
        var read = new List<FetchedEmail>(wanted.Count);
        async Task OnBody(ImapFolder folder, int index, UniqueId uid, Stream stream, CancellationToken token)
        {
            // Dovecot answers BODY[] NIL for a message expunged behind the session's view; no stored message is empty.
            if (stream.Length == 0 || !wanted.Remove(uid.Id, out var summary)) return;
            try
            {
                if (await ReadBodyAsync(folder.FullName, uid.Id, (LiteralBuffer)stream, summary, content, token) is { } item) read.Add(item);
            }
            catch
            {
                // MailKit disposes the stream only when the callback returns; a cancelled read must not leave its temporary file open.
                await stream.DisposeAsync();
                throw;
            }
        }

        try
        {
            await CallAsync("UID FETCH", () => Done(selected.GetStreamsAsync([.. wanted.Values.Select(m => m.UniqueId)], OnBody, cancellationToken)));
        }
        catch
        {
            foreach (var item in read) item.Item.Mime?.Source?.Dispose();
            throw;
        }

        foreach (var item in read) served[item.Uid] = item;
        foreach (var uid in wanted.Keys) ImapMailSessionLog.BodyMissing(Logger, Login, selected.FullName, uid);
    }

    /// <summary>
    /// The message in <paramref name="literal"/> as an item, or null when its buffer cannot be read (logged). A buffer
    /// the item keeps as its MIME source (<see cref="EmailContentRequest.MimePrefixBytes"/>) is released to it.
    /// </summary>
    private async Task<FetchedEmail?> ReadBodyAsync(string folder, uint uid, LiteralBuffer literal, IMessageSummary summary, EmailContentRequest content, CancellationToken cancellationToken)
    {
        var flags = ImapFlagMapping.NamesOf(summary);
        try
        {
            var item = await EmailReader.ParseAsync(literal.Buffer, flags, summary.InternalDate ?? DateTimeOffset.UnixEpoch, content, cancellationToken);
            if (item.Mime?.Source is not null) literal.Release();
            return new FetchedEmail(uid, MessageFlagNames.Parse(flags), item);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Left out like a vanished message: thrown out of MailKit's callback it would drop the connection and the window.
            ImapMailSessionLog.BodyUnreadable(Logger, e, Login, folder, uid);
            return null;
        }
    }
}
