using System.Text;
using Eas.Mail.Smtp;
using static Eas.Mail.Tests.Smtp.ScriptedSmtpServer;
using static Eas.Mail.Tests.Smtp.SmtpScript;

namespace Eas.Mail.Tests.Smtp;

public sealed class SmtpClientSendScriptedTests
{
    [Fact]
    public async Task Without_pipelining_each_command_waits_and_the_data_is_dot_stuffed_with_crlf_line_ends()
    {
        const string message = "Subject: dots\n.hidden line\r\n..two dots\nbare LF\r\n.\r\nno final newline";
        var size = Encoding.UTF8.GetByteCount(message);
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("SIZE 100000", "8BITMIME", "ENHANCEDSTATUSCODES"),
            Expect($"MAIL FROM:<alice@example.com> SIZE={size} BODY=8BITMIME"), Send("250 2.1.0 Ok"),
            Expect("RCPT TO:<bob@example.com>"), Send("250 2.1.5 Ok"),
            Expect("RCPT TO:<carol@example.com>"), Send("250 2.1.5 Ok"),
            Expect("DATA"), Send("354 End data with <CR><LF>.<CR><LF>"),
            ExpectData("Subject: dots\r\n..hidden line\r\n...two dots\r\nbare LF\r\n..\r\nno final newline\r\n.\r\n"),
            Send("250 2.0.0 Ok: queued as 4ABC123"),
            Expect("QUIT"), Send("221 2.0.0 Bye"),
        ]);
        await using var client = await ConnectAsync(server);

        var result = await client.SendAsync(Envelope("bob@example.com", "carol@example.com"), Message(message));

        result.Reply.Code.ShouldBe(250);
        result.Reply.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(2, 0, 0));
        result.Reply.Text.ShouldBe("Ok: queued as 4ABC123");
        result.AcceptedRecipients.ShouldBe(["bob@example.com", "carol@example.com"]);
        result.RefusedRecipients.ShouldBeEmpty();
        await client.QuitAsync();
        await server.Completion;
    }

    /// <summary>The script replies only after it has read MAIL and every RCPT, so a client that waited for each reply would time out.</summary>
    [Fact]
    public async Task With_pipelining_mail_and_every_rcpt_go_before_any_reply_and_refusals_are_returned()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("PIPELINING", "ENHANCEDSTATUSCODES"),
            Expect("MAIL FROM:<alice@example.com>"),
            Expect("RCPT TO:<bob@example.com>"), Expect("RCPT TO:<ghost@example.com>"), Expect("RCPT TO:<carol@example.com>"),
            Send("250 2.1.0 Ok", "250 2.1.5 Ok", "550-5.1.1 <ghost@example.com>: Recipient address rejected:", "550 5.1.1 User unknown", "250 2.1.5 Ok"),
            Expect("DATA"), Send("354 go ahead"),
            ExpectData("Subject: hi\r\n\r\nbody\r\n.\r\n"), Send("250 2.0.0 Ok: queued"),
        ]);
        await using var client = await ConnectAsync(server);

        var result = await client.SendAsync(
            Envelope("bob@example.com", "ghost@example.com", "carol@example.com"), Message("Subject: hi\r\n\r\nbody\r\n"));

        result.AcceptedRecipients.ShouldBe(["bob@example.com", "carol@example.com"]);
        var refusal = result.RefusedRecipients.ShouldHaveSingleItem();
        refusal.Recipient.ShouldBe("ghost@example.com");
        refusal.Reply.Code.ShouldBe(550);
        refusal.Reply.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(5, 1, 1));
        refusal.Reply.Lines.ShouldBe(["<ghost@example.com>: Recipient address rejected:", "User unknown"]);
        refusal.IsTransient.ShouldBeFalse();
        await server.Completion;
    }

    [Fact]
    public async Task Recipients_beyond_a_pipelining_group_go_in_further_groups()
    {
        var recipients = Enumerable.Range(1, 150).Select(i => $"user{i}@example.com").ToArray();
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("PIPELINING"),
            Expect("MAIL FROM:<alice@example.com>"),
            .. recipients[..99].Select(recipient => Expect($"RCPT TO:<{recipient}>")),
            Send([.. Enumerable.Repeat("250 Ok", 100)]),
            .. recipients[99..].Select(recipient => Expect($"RCPT TO:<{recipient}>")),
            Send([.. Enumerable.Repeat("250 Ok", 51)]),
            Expect("DATA"), Send("354 go ahead"), ExpectData("x\r\n.\r\n"), Send("250 Ok"),
        ]);
        await using var client = await ConnectAsync(server);

        var result = await client.SendAsync(Envelope(recipients), Message("x"));

        result.AcceptedRecipients.Count.ShouldBe(150);
        await server.Completion;
    }

    [Fact]
    public async Task A_send_where_every_recipient_is_refused_fails_and_resets_the_transaction()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("PIPELINING", "ENHANCEDSTATUSCODES"),
            Expect("MAIL FROM:<alice@example.com>"), Expect("RCPT TO:<ghost@example.com>"), Expect("RCPT TO:<x@other.test>"),
            Send("250 2.1.0 Ok", "550 5.1.1 <ghost@example.com>: User unknown", "554 5.7.1 <x@other.test>: Relay access denied"),
            Expect("RSET"), Send("250 2.0.0 Ok"),
            Expect("QUIT"), Send("221 Bye"),
        ]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(
            () => client.SendAsync(Envelope("ghost@example.com", "x@other.test"), Message("Subject: x\r\n\r\n")));

        error.Command.ShouldBe("RCPT");
        error.Kind.ShouldBe(SmtpFailureKind.RecipientRejected);
        error.ReplyCode.ShouldBe(550);
        error.RefusedRecipients.Select(refusal => (refusal.Recipient, refusal.Reply.Code))
            .ShouldBe([("ghost@example.com", 550), ("x@other.test", 554)]);
        error.Message.ShouldContain("Relay access denied");
        await client.QuitAsync();
        await server.Completion;
    }

    [Fact]
    public async Task Recipients_all_refused_for_now_are_a_transient_failure()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello(),
            Expect("MAIL FROM:<alice@example.com>"), Send("250 Ok"),
            Expect("RCPT TO:<bob@example.com>"), Send("450 4.2.1 Mailbox busy"),
            Expect("RSET"), Send("250 Ok"),
        ]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(() => client.SendAsync(Envelope("bob@example.com"), Message("x")));

        error.Kind.ShouldBe(SmtpFailureKind.Transient);
        error.IsTransient.ShouldBeTrue();
        error.RefusedRecipients.ShouldHaveSingleItem().IsTransient.ShouldBeTrue();
        await server.Completion;
    }

    [Fact]
    public async Task A_421_to_a_recipient_ends_the_session_without_reset()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello(),
            Expect("MAIL FROM:<alice@example.com>"), Send("250 Ok"),
            Expect("RCPT TO:<bob@example.com>"), Send("421 4.3.0 scripted.test shutting down"),
            ExpectClose(),
        ]);
        await using var client = await ConnectAsync(server);

        await Should.ThrowAsync<SmtpUnavailableException>(() => client.SendAsync(Envelope("bob@example.com"), Message("x")));

        client.IsConnected.ShouldBeFalse();
        await server.Completion;
    }

    [Fact]
    public async Task RequireAllRecipients_abandons_the_message_when_one_is_refused()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("PIPELINING"),
            Expect("MAIL FROM:<alice@example.com>"), Expect("RCPT TO:<bob@example.com>"), Expect("RCPT TO:<ghost@example.com>"),
            Send("250 Ok", "250 Ok", "550 5.1.1 User unknown"),
            Expect("RSET"), Send("250 Ok"),
        ]);
        await using var client = await ConnectAsync(server, Quick with { RequireAllRecipients = true });

        var error = await Should.ThrowAsync<SmtpCommandException>(
            () => client.SendAsync(Envelope("bob@example.com", "ghost@example.com"), Message("x")));

        error.Kind.ShouldBe(SmtpFailureKind.RecipientRejected);
        error.RefusedRecipients.ShouldHaveSingleItem().Recipient.ShouldBe("ghost@example.com");
        await server.Completion;
    }

    [Fact]
    public async Task A_refused_mail_from_fails_after_reading_the_pipelined_rcpt_replies()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("PIPELINING"),
            Expect("MAIL FROM:<alice@example.com>"), Expect("RCPT TO:<bob@example.com>"),
            Send("553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user", "503 5.5.1 Error: need MAIL command"),
            Expect("RSET"), Send("250 Ok"),
        ]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(() => client.SendAsync(Envelope("bob@example.com"), Message("x")));
        await client.ResetAsync();

        error.Command.ShouldBe("MAIL");
        error.Kind.ShouldBe(SmtpFailureKind.Permanent);
        error.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(5, 7, 1));
        await server.Completion;
    }

    [Fact]
    public async Task A_message_over_the_advertised_size_is_refused_before_anything_is_sent()
    {
        await using var server = new ScriptedSmtpServer([.. Hello("SIZE 100"), Expect("QUIT"), Send("221 Bye")]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(
            () => client.SendAsync(Envelope("bob@example.com"), Message(new string('x', 101))));
        await client.QuitAsync();

        error.Kind.ShouldBe(SmtpFailureKind.MessageTooLarge);
        error.ReplyCode.ShouldBe(552);
        error.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(5, 3, 4));
        error.Message.ShouldContain("101");
        await server.Completion;
    }

    [Fact]
    public async Task A_size_refusal_at_mail_from_is_message_too_large()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("SIZE"),
            Expect("MAIL FROM:<alice@example.com> SIZE=3"), Send("552 5.3.4 Message size exceeds fixed limit"),
        ]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(() => client.SendAsync(Envelope("bob@example.com"), Message("abc")));

        error.Kind.ShouldBe(SmtpFailureKind.MessageTooLarge);
        await server.Completion;
    }

    [Theory]
    [InlineData("552 5.3.4 Error: message file too big", SmtpFailureKind.MessageTooLarge, "Error: message file too big")]
    [InlineData("552 Too much mail data", SmtpFailureKind.MessageTooLarge, "Too much mail data")]
    [InlineData("451 4.3.0 Error: queue file write error", SmtpFailureKind.Transient, "Error: queue file write error")]
    [InlineData("554 5.7.1 Message rejected as spam", SmtpFailureKind.Permanent, "Message rejected as spam")]
    public async Task The_reply_to_the_final_dot_is_classified(string reply, SmtpFailureKind kind, string text)
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello(),
            Expect("MAIL FROM:<alice@example.com>"), Send("250 Ok"),
            Expect("RCPT TO:<bob@example.com>"), Send("250 Ok"),
            Expect("DATA"), Send("354 go ahead"),
            ExpectData("line\r\n.\r\n"), Send(reply),
            Expect("RSET"), Send("250 Ok"),
        ]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(
            () => client.SendAsync(Envelope("bob@example.com"), new NonSeekableStream("line\n"u8.ToArray())));
        await client.ResetAsync();

        error.Command.ShouldBe("DATA");
        error.Kind.ShouldBe(kind);
        error.ReplyText.ShouldBe(text);
        await server.Completion;
    }

    [Fact]
    public async Task A_refused_data_command_resets_the_transaction()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("ENHANCEDSTATUSCODES"),
            Expect("MAIL FROM:<>"), Send("250 Ok"),
            Expect("RCPT TO:<bob@example.com>"), Send("250 Ok"),
            Expect("DATA"), Send("554 5.5.1 Error: no valid recipients"),
            Expect("RSET"), Send("250 Ok"),
        ]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(
            () => client.SendAsync(new SmtpEnvelope("", ["bob@example.com"]), Message("x")));

        error.Command.ShouldBe("DATA");
        error.Kind.ShouldBe(SmtpFailureKind.Permanent);
        await server.Completion;
    }

    [Fact]
    public async Task International_addresses_ask_for_smtputf8()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("SMTPUTF8", "8BITMIME"),
            Expect("MAIL FROM:<alice@example.com> BODY=8BITMIME SMTPUTF8"), Send("250 Ok"),
            Expect("RCPT TO:<jürgen@example.com>"), Send("250 Ok"),
            Expect("DATA"), Send("354 go ahead"), ExpectData("Subject: Grüße\r\n.\r\n"), Send("250 Ok"),
        ]);
        await using var client = await ConnectAsync(server);

        await client.SendAsync(Envelope("jürgen@example.com"), new NonSeekableStream(Encoding.UTF8.GetBytes("Subject: Grüße\n")));

        await server.Completion;
    }

    [Fact]
    public async Task A_message_needing_smtputf8_is_refused_before_sending_when_the_server_lacks_it()
    {
        await using var server = new ScriptedSmtpServer([.. Hello("8BITMIME"), Expect("QUIT"), Send("221 Bye")]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(
            () => client.SendAsync(new SmtpEnvelope("alice@example.com", ["bob@example.com"]) { Utf8Headers = true }, Message("Subject: ü")));
        await client.QuitAsync();

        error.Kind.ShouldBe(SmtpFailureKind.Permanent);
        error.Message.ShouldContain("SMTPUTF8");
        await server.Completion;
    }

    [Fact]
    public async Task A_message_stream_that_fails_during_data_closes_the_session()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello(),
            Expect("MAIL FROM:<alice@example.com>"), Send("250 Ok"),
            Expect("RCPT TO:<bob@example.com>"), Send("250 Ok"),
            Expect("DATA"), Send("354 go ahead"),
            ExpectClose(),
        ]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => client.SendAsync(Envelope("bob@example.com"), new FailingStream()));

        error.InnerException.ShouldBeOfType<IOException>();
        client.IsConnected.ShouldBeFalse();
        await server.Completion;
    }

    [Fact]
    public async Task A_server_that_stops_answering_during_data_times_out_as_unavailable()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello(),
            Expect("MAIL FROM:<alice@example.com>"), Send("250 Ok"),
            Expect("RCPT TO:<bob@example.com>"), Send("250 Ok"),
            Expect("DATA"), Send("354 go ahead"),
            ExpectData("x\r\n.\r\n"), ExpectClose(),
        ]);
        await using var client = await ConnectAsync(server, Quick with { DataTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Should.ThrowAsync<SmtpUnavailableException>(() => client.SendAsync(Envelope("bob@example.com"), Message("x")));

        error.Message.ShouldContain("0.3 s");
        await server.Completion;
    }

    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("disk gone");

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
