using System.Text;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;

namespace Eas.Integration.Tests.Support;

/// <summary>What landed in a user's folder, read straight from Dovecot over IMAP.</summary>
internal static class Mailbox
{
    /// <summary>
    /// The raw messages in <paramref name="folder"/> whose Subject is <paramref name="subject"/>, waiting up to
    /// 20 s for at least <paramref name="atLeast"/> (Postfix queues, then delivers over LMTP), plus their flags.
    /// </summary>
    public static async Task<List<(string Raw, IReadOnlyList<string> Flags)>> WaitForAsync(MailboxUser user, string subject, string folder = "INBOX", int atLeast = 1)
    {
        await using var client = await user.ConnectImapAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await client.SelectAsync(folder);
            var messages = await client.FetchAsync(UidSet.All, new ImapFetchRequest(ImapFetchItems.Envelope | ImapFetchItems.Flags));
            var matching = messages.Where(m => m.Envelope?.Subject == subject).ToList();
            if (matching.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                var found = new List<(string, IReadOnlyList<string>)>();
                foreach (var message in matching)
                {
                    using var raw = new MemoryStream();
                    await client.FetchSectionAsync(message.Uid, "", null, false, raw);
                    found.Add((Encoding.UTF8.GetString(raw.ToArray()), message.Flags ?? []));
                }

                return found;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The flags of the message with <paramref name="subject"/> in <paramref name="folder"/>.</summary>
    public static async Task<IReadOnlyList<string>> FlagsAsync(MailboxUser user, string subject, string folder = "INBOX") =>
        (await WaitForAsync(user, subject, folder)).Single().Flags;
}
