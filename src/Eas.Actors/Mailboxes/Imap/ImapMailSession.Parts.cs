using System.Diagnostics;
using Eas.Actors.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;
using MimeKit.IO;
using MimeKit.IO.Filters;
using MimeKit.Utils;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>Reading message data (whole messages and MIME parts), and the guard every MailKit call passes through.</summary>
internal sealed partial class ImapMailSession
{
    /// <summary>
    /// Copies a part decoded from its Content-Transfer-Encoding (RFC 2045 6), or the whole message as stored when
    /// <paramref name="part"/> is empty, optionally only a byte range of it; returns the full decoded size. The
    /// server's bytes are read whole into a buffer first (MailKit offers no BINARY fetch, RFC 3516), so a
    /// destination that refuses more bytes never leaves a response half read.
    /// </summary>
    public async Task<long> CopyPartAsync(string folder, uint uid, string part, Stream destination, (long Offset, long Length)? range, CancellationToken cancellationToken)
    {
        var selected = await SelectAsync(folder, fresh: false, cancellationToken);
        ContentEncoding encoding = ContentEncoding.Default;
        Stream? raw;
        if (part.Length == 0)
        {
            raw = await FetchRawAsync(selected, uid, cancellationToken);
        }
        else
        {
            var request = new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.BodyStructure);
            var summaries = await CallAsync("UID FETCH", () => selected.FetchAsync([new UniqueId(uid)], request, cancellationToken));
            if (summaries.Count == 0) throw new FileNotFoundException($"Message {uid} is gone.");
            var body = summaries[0].BodyParts.FirstOrDefault(p => p.PartSpecifier == part);
            if (body?.ContentTransferEncoding is { } name && MimeUtils.TryParse(name, out ContentEncoding parsed)) encoding = parsed;
            raw = await FetchSectionAsync(selected, uid, part, cancellationToken);
        }

        if (raw is null) throw new FileNotFoundException($"Message {uid} is gone.");
        await using (raw)
        {
            using var decoded = new FilteredStream(raw);
            if (encoding is ContentEncoding.Base64 or ContentEncoding.QuotedPrintable or ContentEncoding.UUEncode)
                decoded.Add(DecoderFilter.Create(encoding));
            return await RangeCopy.CopyAsync(decoded, destination, range, cancellationToken);
        }
    }

    /// <summary>The whole message (BODY.PEEK[]) in a buffer at position 0, or null when the message is gone.</summary>
    private async Task<Stream?> FetchRawAsync(IMailFolder folder, uint uid, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync("UID FETCH", () => folder.GetStreamAsync(new UniqueId(uid), cancellationToken));
        }
        catch (MessageNotFoundException)
        {
            return null;
        }
    }

    /// <summary>One section (BODY.PEEK[part]) as stored, in a buffer at position 0, or null when the message is gone.</summary>
    private async Task<Stream?> FetchSectionAsync(IMailFolder folder, uint uid, string part, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync("UID FETCH", () => folder.GetStreamAsync(new UniqueId(uid), part, cancellationToken));
        }
        catch (MessageNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs one MailKit call, times it under <paramref name="verb"/> (not when null: a folder lookup MailKit mostly
    /// answers from its cache), and sorts its failure: a refusal (NO, BAD, a
    /// folder or message that is not there, a call MailKit refuses before sending it) leaves the session usable and
    /// is thrown as it is; anything else breaks
    /// the session, and an outage is thrown as <see cref="MailStoreUnavailableException"/>.
    /// </summary>
    private async Task<T> CallAsync<T>(string? verb, Func<Task<T>> call)
    {
        await WaitForPrefetchAsync();
        if (!IsUsable) throw new MailStoreUnavailableException("The IMAP session is no longer usable.");
        _confirmed = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        catch (Exception e) when (e is ImapCommandException or FolderNotFoundException or MessageNotFoundException)
        {
            throw;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            // MailKit checks arguments and state before it sends anything: nothing reached the wire.
            throw;
        }
        catch (Exception e)
        {
            _broken = true;
            _selected = null;
            if (ImapFailures.AsUnavailable(e, $"running {verb ?? "LIST"}") is { } unavailable) throw unavailable;
            throw;
        }
        finally
        {
            if (verb is not null) metrics?.CommandCompleted(verb, Stopwatch.GetElapsedTime(started));
        }
    }
}
