using Eas.Mail.Imap;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Tests.Imap;

/// <summary>Commands the client has no method for yet, run through <see cref="ImapClient.ExecuteAsync"/>.</summary>
internal static class ImapTestCommands
{
    /// <summary>SELECT INBOX; returns its EXISTS count.</summary>
    public static async Task<ulong> SelectInboxAsync(ImapClient client)
    {
        ulong? exists = null;
        await client.ExecuteAsync(new ImapCommandBuilder("SELECT").String("INBOX").Build(), response =>
        {
            if (response.Name == "EXISTS") exists = response.Number;
        });
        return exists.ShouldNotBeNull();
    }
}
