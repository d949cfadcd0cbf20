using Eas.Mail.Imap;
using static Eas.Mail.Tests.Imap.ScriptedImapServer;

namespace Eas.Mail.Tests.Imap;

/// <summary><see cref="ImapClientOptions.CommandCompleted"/> hears of every command, refused and failed ones too.</summary>
public sealed class ImapClientCommandObserverTests
{
    [Fact]
    public async Task Every_command_is_reported_with_its_name_and_duration_whatever_its_outcome()
    {
        await using var server = new ScriptedImapServer(
            Send("* OK [CAPABILITY IMAP4rev1] ready"),
            Expect("A0001 LOGIN \"bob\" \"secret\""),
            Send("A0001 OK [CAPABILITY IMAP4rev1] Logged in"),
            Expect("A0002 SELECT \"INBOX\""),
            Send("* 3 EXISTS", "* OK [UIDVALIDITY 7] UIDs valid", "A0002 OK [READ-WRITE] Selected"),
            Expect("A0003 SELECT \"Gone\""),
            Send("A0003 NO [NONEXISTENT] No such mailbox"),
            Expect("A0004 NOOP"),
            Close());
        var seen = new List<(string Command, TimeSpan Elapsed)>();
        var options = new ImapClientOptions { CommandCompleted = (command, elapsed) => seen.Add((command, elapsed)) };
        await using var client = new ImapClient(new ImapEndpoint("127.0.0.1", server.Port, ImapSecurity.None), options);

        await client.ConnectAsync();
        await client.LoginAsync("bob", "secret");
        await client.SelectAsync("INBOX");
        await Should.ThrowAsync<ImapCommandException>(() => client.SelectAsync("Gone"));
        await Should.ThrowAsync<ImapProtocolException>(() => client.NoopAsync());

        await server.Completion;
        seen.Select(s => s.Command).ShouldBe(["connect", "LOGIN", "SELECT", "SELECT", "NOOP"]);
        seen.ShouldAllBe(s => s.Elapsed >= TimeSpan.Zero);
    }
}
