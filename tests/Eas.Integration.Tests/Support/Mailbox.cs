using System.Text;
using MailKit;

namespace Eas.Integration.Tests.Support;

/// <summary>What landed in a user's folder, read straight from Dovecot over IMAP.</summary>
internal static class Mailbox
{
    /// <summary>
    /// The raw messages in <paramref name="folder"/> whose Subject is <paramref name="subject"/> (or, with
    /// <paramref name="anywhere"/>, whose raw text contains it), waiting up to 20 s for at least
    /// <paramref name="atLeast"/> (Postfix queues, then delivers over LMTP), plus their flags.
    /// </summary>
    public static async Task<List<(string Raw, IReadOnlyList<string> Flags)>> WaitForAsync(
        MailboxUser user, string subject, string folder = "INBOX", int atLeast = 1, bool anywhere = false)
    {
        using var client = await user.ConnectImapAsync();
        var target = await client.GetFolderAsync(folder);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await target.OpenAsync(FolderAccess.ReadOnly);
            var messages = target.Count == 0 ? [] : await target.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.Flags));
            var found = new List<(string, IReadOnlyList<string>)>();
            foreach (var message in messages.Where(m => anywhere || m.Envelope?.Subject == subject))
            {
                using var raw = new MemoryStream();
                await (await target.GetStreamAsync(message.UniqueId)).CopyToAsync(raw);
                var text = Encoding.UTF8.GetString(raw.ToArray());
                if (!anywhere || text.Contains(subject, StringComparison.Ordinal)) found.Add((text, FlagNames(message)));
            }

            if (found.Count >= atLeast || DateTime.UtcNow > deadline) return found;

            await Task.Delay(200);
        }
    }

    /// <summary>The message's flags by their IMAP names (RFC 3501 2.3.2), keywords included.</summary>
    private static List<string> FlagNames(IMessageSummary message)
    {
        var flags = message.Flags ?? MessageFlags.None;
        var names = new List<string>();
        foreach (var (flag, name) in new[] { (MessageFlags.Seen, @"\Seen"), (MessageFlags.Answered, @"\Answered"), (MessageFlags.Flagged, @"\Flagged"), (MessageFlags.Deleted, @"\Deleted"), (MessageFlags.Draft, @"\Draft") })
            if (flags.HasFlag(flag)) names.Add(name);
        names.AddRange(message.Keywords);
        return names;
    }

    /// <summary>The flags of the message with <paramref name="subject"/> in <paramref name="folder"/>.</summary>
    public static async Task<IReadOnlyList<string>> FlagsAsync(MailboxUser user, string subject, string folder = "INBOX") =>
        (await WaitForAsync(user, subject, folder)).Single().Flags;
}
