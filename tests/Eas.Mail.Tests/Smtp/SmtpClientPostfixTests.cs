using System.Text;
using Eas.Mail.LocalPostfix;
using Eas.Mail.Smtp;
using Eas.Mail.Tests.Fixtures;
using static Eas.Mail.Tests.Fixtures.PostfixFixture;

namespace Eas.Mail.Tests.Smtp;

/// <summary>The client against a real Postfix that authenticates through Dovecot and delivers to it over LMTP.</summary>
[Collection(PostfixCollection.Name)]
public sealed class SmtpClientPostfixTests(PostfixFixture fixture)
{
    private readonly PostfixInstance _postfix = fixture.Postfix;

    [Fact]
    public async Task An_authenticated_message_arrives_in_the_recipients_inbox_octet_for_octet()
    {
        var subject = Unique("attachment");
        var attachment = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 256)).ToArray();
        var message = MultipartMessage(subject, attachment);
        await using var smtp = await SmtpClient.ConnectAsync(_postfix.Endpoint(SmtpSecurity.StartTls));
        smtp.IsSecure.ShouldBeTrue();
        smtp.Capabilities.Pipelining.ShouldBeTrue();
        smtp.Capabilities.MaxMessageSize.ShouldBe(MessageSizeLimit);

        await smtp.AuthenticateAsync(Alice, AlicePassword, SmtpAuthMechanism.Plain);
        var result = await smtp.SendAsync(new SmtpEnvelope(AliceAddress, [CarolAddress]), new MemoryStream(message));
        await smtp.QuitAsync();

        result.Reply.Text.ShouldContain("queued as");
        var (imap, uid) = await fixture.WaitForMessageAsync(Carol, CarolPassword, subject);
        using (imap)
        {
            using var whole = new MemoryStream();
            using var decoded = new MemoryStream();
            await (await imap.Inbox.GetStreamAsync(uid)).CopyToAsync(whole);
            var structure = (await imap.Inbox.FetchAsync([uid], new MailKit.FetchRequest(MailKit.MessageSummaryItems.BodyStructure)))[0];
            var part = (MimeKit.MimePart)await imap.Inbox.GetBodyPartAsync(uid, structure.BodyParts.Single(p => p.PartSpecifier == "2"));
            await part.Content!.DecodeToAsync(decoded);

            var stored = whole.ToArray();
            var sent = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(message).Replace("\r\n", "\n").Replace("\n", "\r\n"));
            stored.AsSpan().EndsWith(sent).ShouldBeTrue("Postfix and Dovecot only prepend trace fields; the message itself must arrive unchanged");
            var trace = Encoding.ASCII.GetString(stored, 0, stored.Length - sent.Length);
            trace.ShouldContain("by mail.eas.test (Postfix) with ESMTPSA");
            decoded.ToArray().ShouldBe(attachment);
        }
    }

    [Fact]
    public async Task Implicit_tls_and_login_reach_a_user_named_by_address()
    {
        var subject = Unique("erin");
        await using var smtp = await SmtpClient.ConnectAsync(_postfix.Endpoint(SmtpSecurity.Tls));

        await smtp.AuthenticateAsync(Carol, CarolPassword, SmtpAuthMechanism.Login);
        await smtp.SendAsync(new SmtpEnvelope(CarolAddress, [Erin]), Text(subject, "Hello Erin.\r\n"));

        var (imap, _) = await fixture.WaitForMessageAsync(Erin, ErinPassword, subject);
        imap.Dispose();
    }

    [Fact]
    public async Task An_unknown_recipient_is_refused_at_rcpt_and_the_others_get_the_message()
    {
        var subject = Unique("partial");
        await using var smtp = await SmtpClient.ConnectAsync(_postfix.Endpoint(SmtpSecurity.StartTls));
        await smtp.AuthenticateAsync(Alice, AlicePassword);

        var result = await smtp.SendAsync(new SmtpEnvelope(AliceAddress, ["ghost@example.com", CarolAddress]), Text(subject, "Hi.\r\n"));

        result.AcceptedRecipients.ShouldBe([CarolAddress]);
        var refusal = result.RefusedRecipients.ShouldHaveSingleItem();
        refusal.Recipient.ShouldBe("ghost@example.com");
        refusal.Reply.Code.ShouldBe(550);
        refusal.Reply.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(5, 1, 1));
        refusal.Reply.Text.ShouldContain("User unknown");
        var (imap, _) = await fixture.WaitForMessageAsync(Carol, CarolPassword, subject);
        imap.Dispose();
    }

    [Fact]
    public async Task Without_authentication_other_domains_are_refused_as_relaying()
    {
        await using var smtp = await SmtpClient.ConnectAsync(_postfix.Endpoint(SmtpSecurity.None));

        var error = await Should.ThrowAsync<SmtpCommandException>(
            () => smtp.SendAsync(new SmtpEnvelope(AliceAddress, ["someone@elsewhere.test"]), Text(Unique("relay"), "x\r\n")));

        error.Kind.ShouldBe(SmtpFailureKind.RecipientRejected);
        error.ReplyCode.ShouldBe(554);
        error.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(5, 7, 1));
        error.ReplyText.ShouldContain("Relay access denied");
        await smtp.QuitAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_failure_and_the_session_goes_on()
    {
        await using var smtp = await SmtpClient.ConnectAsync(_postfix.Endpoint(SmtpSecurity.StartTls));

        var error = await Should.ThrowAsync<SmtpCommandException>(() => smtp.AuthenticateAsync(Alice, "not-her-password"));
        await smtp.AuthenticateAsync(Alice, AlicePassword);

        error.Kind.ShouldBe(SmtpFailureKind.AuthenticationFailed);
        error.ReplyCode.ShouldBe(535);
        error.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(5, 7, 8));
        smtp.IsAuthenticated.ShouldBeTrue();
    }

    [Fact]
    public async Task Messages_over_the_size_limit_are_refused_by_the_client_or_by_postfix()
    {
        var large = Encoding.ASCII.GetBytes(new string('x', (int)MessageSizeLimit + 1000));
        await using var smtp = await SmtpClient.ConnectAsync(_postfix.Endpoint(SmtpSecurity.StartTls));
        await smtp.AuthenticateAsync(Alice, AlicePassword);

        var local = await Should.ThrowAsync<SmtpCommandException>(
            () => smtp.SendAsync(new SmtpEnvelope(AliceAddress, [CarolAddress]), new MemoryStream(large)));
        var remote = await Should.ThrowAsync<SmtpCommandException>(
            () => smtp.SendAsync(new SmtpEnvelope(AliceAddress, [CarolAddress]), new UnknownLengthStream(large)));
        var small = await smtp.SendAsync(new SmtpEnvelope(AliceAddress, [CarolAddress]), Text(Unique("after"), "small\r\n"));

        local.Kind.ShouldBe(SmtpFailureKind.MessageTooLarge);
        remote.Kind.ShouldBe(SmtpFailureKind.MessageTooLarge);
        remote.Command.ShouldBe("DATA");
        remote.ReplyCode.ShouldBe(552);
        remote.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(5, 3, 4));
        small.Reply.Code.ShouldBe(250);
    }

    [Fact]
    public async Task A_stopped_postfix_is_unavailable_until_started_again()
    {
        await _postfix.StopAsync();
        try
        {
            _postfix.IsRunning.ShouldBeFalse();
            var error = await Should.ThrowAsync<SmtpUnavailableException>(
                () => SmtpClient.ConnectAsync(_postfix.Endpoint(SmtpSecurity.StartTls)));
            error.InnerException.ShouldBeOfType<System.Net.Sockets.SocketException>();
        }
        finally
        {
            await _postfix.StartAgainAsync();
        }

        _postfix.IsRunning.ShouldBeTrue();
        await using var smtp = await SmtpClient.ConnectAsync(_postfix.Endpoint(SmtpSecurity.StartTls));
        await smtp.AuthenticateAsync(Alice, AlicePassword);
        await smtp.SendAsync(new SmtpEnvelope(AliceAddress, [CarolAddress]), Text(Unique("restarted"), "back\r\n"));
    }

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}";

    private static MemoryStream Text(string subject, string body) =>
        new(Encoding.UTF8.GetBytes(
            $"From: <{AliceAddress}>\r\nTo: <{CarolAddress}>\r\nSubject: {subject}\r\nDate: Tue, 03 Nov 2026 10:00:00 +0000\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}"));

    /// <summary>
    /// A message with bare LFs, lines starting with dots, 8-bit UTF-8 text and a base64 attachment: everything
    /// the client must convey unchanged apart from line ends.
    /// </summary>
    private static byte[] MultipartMessage(string subject, byte[] attachment)
    {
        var base64 = Convert.ToBase64String(attachment, Base64FormattingOptions.InsertLineBreaks);
        var text =
            $"From: Alice <{AliceAddress}>\r\nTo: Carol <{CarolAddress}>\r\nSubject: {subject}\r\n" +
            $"Date: Tue, 03 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{Guid.NewGuid():N}@example.com>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n" +
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
            "Grüße, Carol!\n.a line that starts with a dot\n..and one with two\n.\nend of text\r\n" +
            "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"data.bin\"\r\n" +
            $"Content-Transfer-Encoding: base64\r\n\r\n{base64}\r\n--b1--\r\n";
        return Encoding.UTF8.GetBytes(text);
    }

    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
