using MailKit;
using MailKit.Net.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>A folder's change stamp through STATUS (RFC 3501 6.3.10; HIGHESTMODSEQ from RFC 7162 3.1.6 where CONDSTORE is offered).</summary>
internal static class ImapStamps
{
    /// <summary>STATUS of <paramref name="folder"/>; <paramref name="call"/> runs the MailKit call under its verb, with the caller's timing and failure rules.</summary>
    public static async Task<FolderStamp> TakeAsync(ImapClient client, IMailFolder folder, Func<string, Func<Task<bool>>, Task<bool>> call, CancellationToken cancellationToken)
    {
        var items = StatusItems.UidValidity | StatusItems.UidNext | StatusItems.Count;
        if (client.Capabilities.HasFlag(ImapCapabilities.CondStore)) items |= StatusItems.HighestModSeq;
        await call("STATUS", async () =>
        {
            await folder.StatusAsync(items, cancellationToken);
            return true;
        });
        return new FolderStamp(folder.UidValidity, folder.UidNext?.Id ?? 0, (uint)folder.Count, folder.HighestModSeq);
    }
}
