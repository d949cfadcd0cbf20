using System.Text;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Fetch;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Messages;
using static Eas.Mail.Tests.Imap.ScriptedImapServer;

namespace Eas.Mail.Tests.Imap;

/// <summary>
/// Servers unlike Dovecot 2.3.19, replayed by a scripted server: without MOVE, LIST-STATUS, ESEARCH, PREVIEW,
/// BINARY or ID; and with OBJECTID, which Dovecot lacks.
/// </summary>
public sealed class ImapClientMailboxScriptedTests
{
    [Fact]
    public async Task Without_move_a_move_is_copy_store_and_uid_expunge()
    {
        await using var server = new ScriptedImapServer(
            [.. LoginSteps("IMAP4rev1 UIDPLUS"), .. SelectSteps(),
            Expect("A0003 UID COPY 2:3 \"Archive\""),
            Send("A0003 OK [COPYUID 9 2:3 11:12] Copied"),
            Expect("A0004 UID STORE 2:3 +FLAGS.SILENT (\\Deleted)"),
            Send("A0004 OK Stored"),
            Expect("A0005 UID EXPUNGE 2:3"),
            Send("* 2 EXPUNGE", "* 2 EXPUNGE", "A0005 OK Expunged")]);
        await using var client = await LoginAsync(server);
        await client.SelectAsync("INBOX");

        var moved = await client.MoveAsync(UidSet.Parse("2:3"), "Archive");

        await server.Completion;
        moved.ShouldNotBeNull().UidValidity.ShouldBe(9u);
        moved.Uids.ShouldBe(new Dictionary<uint, uint> { [2] = 11, [3] = 12 });
        client.TakeMailboxEvents().ShouldBe([new ImapMessageExpunged("INBOX", 2), new ImapMessageExpunged("INBOX", 2)]);
    }

    [Fact]
    public async Task Without_move_or_uidplus_a_move_is_refused_before_anything_is_sent()
    {
        await using var server = new ScriptedImapServer(
            [.. LoginSteps("IMAP4rev1"), .. SelectSteps(), Expect("A0003 NOOP"), Send("A0003 OK")]);
        await using var client = await LoginAsync(server);
        await client.SelectAsync("INBOX");

        await Should.ThrowAsync<InvalidOperationException>(() => client.MoveAsync(UidSet.Single(1), "Archive"));
        await client.NoopAsync();

        await server.Completion;
    }

    [Fact]
    public async Task Without_unselect_an_examine_of_no_mailbox_deselects()
    {
        await using var server = new ScriptedImapServer(
            [.. LoginSteps("IMAP4rev1"), .. SelectSteps(),
            ExpectStart("A0003 EXAMINE \"eas-unselect-"),
            Send("* 3 EXISTS", "A0003 NO [NONEXISTENT] Mailbox doesn't exist"),
            Expect("A0004 NOOP"),
            Send("A0004 OK")]);
        await using var client = await LoginAsync(server);
        await client.SelectAsync("INBOX");

        await client.UnselectAsync();
        await client.UnselectAsync();
        await client.CloseAsync();
        await client.NoopAsync();

        await server.Completion;
        client.Selected.ShouldBeNull();
        client.State.ShouldBe(ImapSessionState.Authenticated);
    }

    [Fact]
    public async Task Objectid_mailbox_ids_come_from_list_status_create_and_select()
    {
        await using var server = new ScriptedImapServer(
            [.. LoginSteps("IMAP4rev1 LIST-EXTENDED LIST-STATUS SPECIAL-USE OBJECTID CONDSTORE"),
            Expect("A0002 LIST \"\" \"*\" RETURN (CHILDREN SPECIAL-USE STATUS (MESSAGES UIDNEXT UIDVALIDITY UNSEEN HIGHESTMODSEQ MAILBOXID))"),
            Send(
                "* LIST (\\HasNoChildren \\Sent) \".\" \"Sent Items\"",
                "* STATUS \"Sent Items\" (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 5 UNSEEN 0 HIGHESTMODSEQ 9 MAILBOXID (F123))",
                "* LIST (\\HasNoChildren \\Junk) \".\" {11}",
                "Junk E-Mail",
                "* STATUS {11}",
                "Junk E-Mail (MESSAGES 0 MAILBOXID (F124))",
                "A0002 OK Listed"),
            Expect("A0003 CREATE \"Projects\""),
            Send("A0003 OK [MAILBOXID (F456)] Created"),
            Expect("A0004 SELECT \"INBOX\""),
            Send("* 0 EXISTS", "* OK [UIDVALIDITY 3] x", "* OK [MAILBOXID (F789)] x", "* OK [NOMODSEQ] x", "A0004 OK [READ-ONLY] Selected")]);
        await using var client = await LoginAsync(server);

        var mailboxes = await client.ListAsync("*", ImapStatusItems.Standard);
        var created = await client.CreateAsync("Projects");
        var selected = await client.SelectAsync("INBOX");

        await server.Completion;
        mailboxes.Select(mailbox => (mailbox.Name, mailbox.SpecialUse, mailbox.MailboxId)).ShouldBe(
            [("Sent Items", ImapSpecialUse.Sent, "F123"), ("Junk E-Mail", ImapSpecialUse.Junk, "F124")]);
        mailboxes[0].Delimiter.ShouldBe('.');
        mailboxes[0].Status!.HighestModSeq.ShouldBe(9UL);
        mailboxes[0].Status!.Size.ShouldBeNull();
        created.ShouldBe("F456");
        selected.MailboxId.ShouldBe("F789");
        selected.NoModSeq.ShouldBeTrue();
        selected.HighestModSeq.ShouldBeNull();
        selected.ReadOnly.ShouldBeTrue();
    }

    [Fact]
    public async Task A_plain_imap4rev1_server_gets_status_per_mailbox_search_and_a_fetch_without_extensions()
    {
        await using var server = new ScriptedImapServer(
            [.. LoginSteps("IMAP4rev1"),
            Expect("A0002 LIST \"\" \"*\""),
            Send("* LIST (\\Noselect) \"/\" \"Shared\"", "* LIST () \"/\" INBOX", "A0002 OK"),
            Expect("A0003 STATUS \"INBOX\" (MESSAGES)"),
            Send("* STATUS INBOX (MESSAGES 4)", "A0003 OK"),
            .. SelectSteps("A0004"),
            Expect("A0005 UID SEARCH NOT DELETED"),
            Send("* SEARCH 5 2 9", "A0005 OK"),
            Expect("A0006 UID FETCH 1:* (UID FLAGS)"),
            Send("* 1 FETCH (UID 2 FLAGS ())", "* 4 EXISTS", "* 7 FETCH (FLAGS (\\Seen))", "* 2 FETCH (UID 5 FLAGS (\\Draft))", "* 3 EXPUNGE", "A0006 OK"),
            Expect("A0007 UID FETCH 2 (UID BODY.PEEK[1])"),
            Send("* 1 FETCH (UID 2 BODY[1] \"hi\")", "A0007 OK")]);
        await using var client = await LoginAsync(server);

        var mailboxes = await client.ListAsync("*", ImapStatusItems.Messages);
        var id = await client.IdAsync(new Dictionary<string, string?> { ["name"] = "eas" });
        await client.SelectAsync("INBOX");
        var found = await client.SearchAsync(ImapSearchQuery.NotDeleted);
        var fetched = await client.FetchAsync(UidSet.All, new ImapFetchRequest(ImapFetchItems.Flags | ImapFetchItems.Preview | ImapFetchItems.ModSeq));
        using var section = new MemoryStream();
        var result = await client.FetchSectionAsync(2, "1", null, useBinary: true, section);

        await server.Completion;
        mailboxes[0].Status.ShouldBeNull();
        mailboxes[1].Status!.Messages.ShouldBe(4u);
        id.ShouldBeNull();
        found.ShouldBe([2u, 5u, 9u]);
        fetched.Select(message => message.Uid).ShouldBe([2u, 5u]);
        fetched[1].Flags.ShouldBe([@"\Draft"]);
        fetched[0].Preview.ShouldBeNull();
        client.TakeMailboxEvents().ShouldBe(
        [
            new ImapMessageCountChanged("INBOX", 4),
            new ImapMessageChanged("INBOX", new FetchedMessage { SequenceNumber = 7, Flags = [@"\Seen"] }),
            new ImapMessageExpunged("INBOX", 3),
        ], new EventComparer());
        Encoding.ASCII.GetString(section.ToArray()).ShouldBe("hi");
        result.ShouldBe(new ImapSectionResult(2, 2, Decoded: false));
    }

    private static Step[] LoginSteps(string capabilities) =>
    [
        Send($"* OK [CAPABILITY {capabilities}] ready"),
        Expect("A0001 LOGIN \"bob\" \"secret\""),
        Send($"A0001 OK [CAPABILITY {capabilities}] Logged in"),
    ];

    private static Step[] SelectSteps(string tag = "A0002") =>
    [
        Expect($"{tag} SELECT \"INBOX\""),
        Send("* 3 EXISTS", "* OK [UIDVALIDITY 7] UIDs valid", "* OK [UIDNEXT 4] next", $"{tag} OK [READ-WRITE] Selected"),
    ];

    private static async Task<ImapClient> LoginAsync(ScriptedImapServer server)
    {
        var client = new ImapClient(new ImapEndpoint("127.0.0.1", server.Port, ImapSecurity.None));
        await client.ConnectAsync();
        await client.LoginAsync("bob", "secret");
        return client;
    }

    /// <summary>Compares events by their printed form, since records holding lists compare those by reference.</summary>
    private sealed class EventComparer : IEqualityComparer<ImapMailboxEvent>
    {
        public bool Equals(ImapMailboxEvent? x, ImapMailboxEvent? y) => Describe(x) == Describe(y);

        public int GetHashCode(ImapMailboxEvent obj) => Describe(obj).GetHashCode(StringComparison.Ordinal);

        private static string Describe(ImapMailboxEvent? change) => change switch
        {
            ImapMessageChanged { Message: var message } changed =>
                $"{changed.Mailbox} changed {message.SequenceNumber} {message.Uid} {string.Join(' ', message.Flags ?? [])}",
            _ => change?.ToString() ?? "",
        };
    }
}
