using Eas.Mail.Imap;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Watching;
using static Eas.Mail.Tests.Imap.ScriptedImapServer;

namespace Eas.Mail.Tests.Imap;

/// <summary>IDLE and NOTIFY conversations Dovecot cannot be made to have: drops, resets, BYE, overflow, silence.</summary>
public sealed class ImapClientIdleScriptedTests
{
    private const string Greeting = "* PREAUTH [CAPABILITY IMAP4rev1 IDLE NOTIFY] ready";
    private const string Select = "A0001 SELECT \"INBOX\"";
    private const string NotifySet = "A0001 NOTIFY SET STATUS (personal (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange))";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Idle_sends_done_after_the_first_event_and_gathers_what_comes_before_the_ok()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect(Select),
            Send(Selected("A0001")),
            Expect("A0002 IDLE"),
            Send("+ idling"),
            Send("* OK Still here", "* 1 FETCH (FLAGS (\\Seen))"),
            Expect("DONE"),
            Send("* 2 EXISTS", "A0002 OK Idle completed."),
            Expect("A0003 NOOP"),
            Send("A0003 OK done"));
        await using var client = await ConnectAsync(server);
        await client.SelectAsync("INBOX");

        var result = await client.IdleAsync(null, Patience);
        await client.NoopAsync();

        await server.Completion;
        result.StopReason.ShouldBe(ImapIdleStopReason.EventMatched);
        result.Events.Count.ShouldBe(2);
        result.Events[0].ShouldBeOfType<ImapMessageChanged>();
        result.Events[1].ShouldBeOfType<ImapMessageCountChanged>().Exists.ShouldBe(2u);
    }

    [Fact]
    public async Task Events_the_condition_rejects_do_not_end_idle()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect(Select),
            Send(Selected("A0001")),
            Expect("A0002 IDLE"),
            Send("+ idling", "* 1 FETCH (FLAGS (\\Seen))"),
            Send("* 2 EXISTS"),
            Expect("DONE"),
            Send("A0002 OK Idle completed."));
        await using var client = await ConnectAsync(server);
        await client.SelectAsync("INBOX");

        var result = await client.IdleAsync(change => change is ImapMessageCountChanged, Patience);

        await server.Completion;
        result.StopReason.ShouldBe(ImapIdleStopReason.EventMatched);
        result.Events.Select(change => change.GetType()).ShouldBe([typeof(ImapMessageChanged), typeof(ImapMessageCountChanged)]);
    }

    [Fact]
    public async Task A_server_that_ends_idle_itself_is_no_error()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect("A0001 IDLE"),
            Send("+ idling", "A0001 OK enough idling"),
            Expect("A0002 NOOP"),
            Send("A0002 OK done"));
        await using var client = await ConnectAsync(server);

        var result = await client.IdleAsync(null, Patience);
        await client.NoopAsync();

        await server.Completion;
        result.StopReason.ShouldBe(ImapIdleStopReason.EndedByServer);
        result.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_idle_is_a_command_error_and_the_session_goes_on()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect("A0001 IDLE"),
            Send("A0001 NO not now"),
            Expect("A0002 NOOP"),
            Send("A0002 OK done"));
        await using var client = await ConnectAsync(server);

        await Should.ThrowAsync<ImapCommandException>(() => client.IdleAsync(null, Patience));
        await client.NoopAsync();

        await server.Completion;
    }

    [Fact]
    public async Task A_connection_closed_during_idle_is_a_protocol_error()
    {
        await using var server = new ScriptedImapServer(Send(Greeting), Expect("A0001 IDLE"), Send("+ idling"), Close());
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<ImapProtocolException>(() => client.IdleAsync(null, Patience));

        error.ConnectionClosed.ShouldBeTrue();
        client.State.ShouldBe(ImapSessionState.Disconnected);
    }

    [Fact]
    public async Task A_connection_reset_during_idle_is_a_protocol_error()
    {
        await using var server = new ScriptedImapServer(Send(Greeting), Expect("A0001 IDLE"), Send("+ idling"), Reset());
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<ImapProtocolException>(() => client.IdleAsync(null, Patience));

        error.ConnectionClosed.ShouldBeTrue();
        client.State.ShouldBe(ImapSessionState.Disconnected);
    }

    [Fact]
    public async Task A_bye_during_idle_is_an_outage()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting), Expect("A0001 IDLE"), Send("+ idling"), Send("* BYE Server shutting down."), Close());
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.IdleAsync(null, Patience));

        error.Message.ShouldContain("Server shutting down.");
        client.State.ShouldBe(ImapSessionState.Disconnected);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_done_is_an_outage()
    {
        await using var server = new ScriptedImapServer(Send(Greeting), Expect("A0001 IDLE"), Send("+ idling"), Expect("DONE"), ExpectClose());
        var options = new ImapClientOptions { CommandTimeout = TimeSpan.FromSeconds(1) };
        await using var client = new ImapClient(new ImapEndpoint("127.0.0.1", server.Port, ImapSecurity.None), options);
        await client.ConnectAsync();

        var error = await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.IdleAsync(null, TimeSpan.FromMilliseconds(100)));

        error.Message.ShouldContain("unanswered for 1 s");
        client.State.ShouldBe(ImapSessionState.Disconnected);
        await server.Completion;
    }

    [Fact]
    public async Task A_notification_overflow_is_an_event_and_ends_notify()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect(NotifySet),
            Send("* STATUS INBOX (MESSAGES 0 UIDNEXT 1 UIDVALIDITY 7 UNSEEN 0 HIGHESTMODSEQ 1)", "A0001 OK NOTIFY completed."),
            Expect("A0002 IDLE"),
            Send("+ idling", "* OK [NOTIFICATIONOVERFLOW] Too many changes"),
            Expect("DONE"),
            Send("A0002 OK Idle completed."));
        await using var client = await ConnectAsync(server);

        var baseline = await client.NotifySetAsync(ImapNotifySpec.PersonalMailboxes());
        client.ActiveNotification.ShouldNotBeNull();
        var result = await client.IdleAsync(null, Patience);

        await server.Completion;
        baseline["INBOX"].UidValidity.ShouldBe(7u);
        result.Events.ShouldHaveSingleItem().ShouldBeOfType<ImapNotificationOverflow>().Text.ShouldBe("Too many changes");
        client.ActiveNotification.ShouldBeNull();
    }

    [Fact]
    public async Task While_notify_is_set_status_keeps_only_its_own_mailbox_and_queues_the_others()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect(NotifySet),
            Send("A0001 OK NOTIFY completed."),
            Expect("A0002 STATUS \"Work\" (MESSAGES UIDNEXT UIDVALIDITY UNSEEN)"),
            Send("* STATUS Work (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 9 UNSEEN 1)", "* STATUS Sent (MESSAGES 4 UIDNEXT 5)", "* STATUS Work (UNSEEN 0)"),
            Send("A0002 OK Status completed."));
        await using var client = await ConnectAsync(server);
        await client.NotifySetAsync(ImapNotifySpec.PersonalMailboxes());

        var work = await client.StatusAsync("Work");

        await server.Completion;
        work.Messages.ShouldBe(2u);
        work.Unseen.ShouldBe(0u);
        work.UidValidity.ShouldBe(9u);
        var sent = client.TakeMailboxEvents().ShouldHaveSingleItem().ShouldBeOfType<ImapMailboxStatusChanged>();
        sent.Mailbox.ShouldBe("Sent");
        sent.Status.Messages.ShouldBe(4u);
    }

    private static string[] Selected(string tag) => ["* 1 EXISTS", "* OK [UIDVALIDITY 7] UIDs valid", $"{tag} OK [READ-WRITE] Select completed."];

    private static async Task<ImapClient> ConnectAsync(ScriptedImapServer server)
    {
        var client = new ImapClient(new ImapEndpoint("127.0.0.1", server.Port, ImapSecurity.None));
        await client.ConnectAsync();
        return client;
    }
}
