using System.Text;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;

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
        await using var client = await user.ConnectImapAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await client.SelectAsync(folder);
            var messages = await client.FetchAsync(UidSet.All, new ImapFetchRequest(ImapFetchItems.Envelope | ImapFetchItems.Flags));
            var found = new List<(string, IReadOnlyList<string>)>();
            foreach (var message in messages.Where(m => anywhere || m.Envelope?.Subject == subject))
            {
                using var raw = new MemoryStream();
                await client.FetchSectionAsync(message.Uid, "", null, false, raw);
                var text = Encoding.UTF8.GetString(raw.ToArray());
                if (!anywhere || text.Contains(subject, StringComparison.Ordinal)) found.Add((text, message.Flags ?? []));
            }

            if (found.Count >= atLeast || DateTime.UtcNow > deadline) return found;

            await Task.Delay(200);
        }
    }

    /// <summary>The flags of the message with <paramref name="subject"/> in <paramref name="folder"/>.</summary>
    public static async Task<IReadOnlyList<string>> FlagsAsync(MailboxUser user, string subject, string folder = "INBOX") =>
        (await WaitForAsync(user, subject, folder)).Single().Flags;
}
