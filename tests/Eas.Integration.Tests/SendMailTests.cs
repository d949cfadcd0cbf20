using System.Net;
using System.Text;
using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

/// <summary>
/// SendMail, SmartReply and SmartForward over real HTTP, submitted to a real Postfix (SMTP AUTH with the
/// user's own password, STARTTLS) that delivers into the real Dovecot over LMTP.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class SendMailTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;
    private MailboxUser _sender = null!;
    private MailboxUser _recipient = null!;
    private MailboxUser _hidden = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerInstance.StartAsync(dovecot);
        _sender = MailboxUser.Create(dovecot, "sender");
        _recipient = MailboxUser.Create(dovecot, "rcpt");
        _hidden = MailboxUser.Create(dovecot, "bcc");
        await dovecot.AcceptMailForAsync(_sender.Address, _recipient.Address, _hidden.Address);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Subject(string what) => $"{what} {Guid.NewGuid():N}";

    private async Task<EasTestClient> PhoneAsync(string version)
    {
        var phone = _server.Phone(_sender.Address, _sender.Password, "Send" + version.Replace(".", "", StringComparison.Ordinal), version);
        await phone.ProvisionAsync();
        return phone;
    }

    [Theory]
    [InlineData("14.1")]
    [InlineData("16.1")]
    public async Task SendMail_delivers_without_Bcc_keeps_the_Bcc_in_Sent_Items_and_sends_a_resent_ClientId_once(string version)
    {
        var phone = await PhoneAsync(version);
        var subject = Subject("Hello");
        var attachment = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var mime = ComposeRequests.Message(_sender.Address, _recipient.Address, subject, "See the file.", bcc: _hidden.Address, attachment: attachment);
        var clientId = "c-" + Guid.NewGuid().ToString("N")[..10];

        var sent = await phone.PostAsync("SendMail", ComposeRequests.SendMail(clientId, mime));
        sent.Status.ShouldBe(HttpStatusCode.OK);
        sent.Bytes.ShouldBeEmpty("success is an empty body (MS-ASCMD 2.2.3.177.14)");
        var again = await phone.PostAsync("SendMail", ComposeRequests.SendMail(clientId, mime));
        again.Body.ShouldNotBeNull().ValueOf(Eas.Wire.CodePages.ComposeMail.Status).ShouldBe("118");

        var delivered = (await Mailbox.WaitForAsync(_recipient, subject)).Single().Raw;
        delivered.ShouldContain($"To: <{_recipient.Address}>");
        delivered.ShouldNotContain("Bcc:");
        delivered.ShouldContain(Convert.ToBase64String(attachment)[..60]);
        (await Mailbox.WaitForAsync(_hidden, subject)).Count.ShouldBe(1, "the Bcc recipient gets it too");
        var copy = (await Mailbox.WaitForAsync(_sender, subject, "Sent")).Single();
        copy.Raw.ShouldContain($"Bcc: <{_hidden.Address}>");
        copy.Flags.ShouldContain(@"\Seen");

        await Task.Delay(1000);
        (await Mailbox.WaitForAsync(_recipient, subject)).Count.ShouldBe(1, "a resent ClientId is not sent twice");
    }

    [Fact]
    public async Task SendMail_of_12_1_takes_the_MIME_body_and_a_resend_with_the_same_Message_ID_sends_once()
    {
        var phone = await PhoneAsync("12.1");
        var subject = Subject("Old phone");
        var mime = ComposeRequests.Message(_sender.Address, _recipient.Address, subject, "From a 12.1 phone.", messageId: $"{Guid.NewGuid():N}@phone");

        (await phone.PostMimeAsync("SendMail", mime, "&SaveInSent=T")).Status.ShouldBe(HttpStatusCode.OK);
        (await phone.PostMimeAsync("SendMail", mime, "&SaveInSent=T")).Status.ShouldBe(HttpStatusCode.OK);

        (await Mailbox.WaitForAsync(_recipient, subject)).Single().Raw.ShouldContain("From a 12.1 phone.");
        (await Mailbox.WaitForAsync(_sender, subject, "Sent")).Count.ShouldBe(1);
        await Task.Delay(1000);
        (await Mailbox.WaitForAsync(_recipient, subject)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("12.1")]
    [InlineData("14.1")]
    public async Task SmartReply_quotes_the_original_threads_it_and_marks_it_answered(string version)
    {
        var originalSubject = Subject("Question");
        var originalId = $"{Guid.NewGuid():N}@example.com";
        await _sender.DeliverRawAsync(
            $"From: Bob <{_recipient.Address}>\r\nTo: <{_sender.Address}>\r\nSubject: {originalSubject}\r\nMessage-ID: <{originalId}>\r\n" +
            "Date: Sat, 21 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWhat time is the meeting?\r\n");
        var syncing = await SyncingPhone.StartAsync(_server, _sender, version, "Reply" + version.Replace(".", "", StringComparison.Ordinal));
        var inbox = syncing.IdOf("INBOX");
        var serverId = (await syncing.SyncAllAsync(inbox)).Single().ServerId;

        var subject = "Re: " + originalSubject;
        var mime = ComposeRequests.Message(_sender.Address, _recipient.Address, subject, "At ten.");
        var response = version == "12.1"
            ? await syncing.Client.PostMimeAsync("SmartReply", mime, $"&ItemId={Uri.EscapeDataString(serverId)}&CollectionId={inbox}&SaveInSent=T")
            : await syncing.Client.PostAsync("SmartReply", ComposeRequests.SmartReply("r-" + Guid.NewGuid().ToString("N")[..8], mime, inbox, serverId));
        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Bytes.ShouldBeEmpty();

        var reply = (await Mailbox.WaitForAsync(_recipient, subject)).Single().Raw;
        reply.ShouldContain($"In-Reply-To: <{originalId}>");
        reply.ShouldContain($"References: <{originalId}>");
        reply.ShouldContain("At ten.");
        reply.ShouldContain("What time is the meeting?", Case.Sensitive, "the original is appended below the reply");
        (await Mailbox.FlagsAsync(_sender, originalSubject)).ShouldContain(@"\Answered");
    }

    [Fact]
    public async Task SmartReply_with_ReplaceMime_sends_the_phones_message_as_it_is()
    {
        var originalSubject = Subject("Lunch");
        var originalId = $"{Guid.NewGuid():N}@example.com";
        await _sender.DeliverRawAsync(
            $"From: <{_recipient.Address}>\r\nTo: <{_sender.Address}>\r\nSubject: {originalSubject}\r\nMessage-ID: <{originalId}>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPizza or sushi?\r\n");
        var syncing = await SyncingPhone.StartAsync(_server, _sender, "14.1", "Replace141");
        var inbox = syncing.IdOf("INBOX");
        var serverId = (await syncing.SyncAllAsync(inbox)).Single().ServerId;

        var subject = "Re: " + originalSubject;
        var mime = ComposeRequests.Message(_sender.Address, _recipient.Address, subject, "Sushi. (I quoted nothing.)");
        var response = await syncing.Client.PostAsync("SmartReply", ComposeRequests.SmartReply("rm-" + Guid.NewGuid().ToString("N")[..8], mime, inbox, serverId, replaceMime: true));
        response.Status.ShouldBe(HttpStatusCode.OK);

        var reply = (await Mailbox.WaitForAsync(_recipient, subject)).Single().Raw;
        reply.ShouldContain("Sushi. (I quoted nothing.)");
        reply.ShouldNotContain("Pizza or sushi?");
        reply.ShouldContain($"In-Reply-To: <{originalId}>", Case.Sensitive, "threading headers are still set");
    }

    [Fact]
    public async Task SmartForward_carries_the_original_attachment()
    {
        var originalSubject = Subject("Report");
        var attachment = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("quarterly figures ", 200)));
        await _sender.DeliverRawAsync(Encoding.UTF8.GetString(ComposeRequests.Message(_recipient.Address, _sender.Address, originalSubject, "Attached.", attachment: attachment)));
        var syncing = await SyncingPhone.StartAsync(_server, _sender, "16.1", "Fwd161");
        var inbox = syncing.IdOf("INBOX");
        var serverId = (await syncing.SyncAllAsync(inbox)).Single().ServerId;

        var subject = "Fwd: " + originalSubject;
        var mime = ComposeRequests.Message(_sender.Address, _hidden.Address, subject, "FYI.");
        var response = await syncing.Client.PostAsync("SmartForward", ComposeRequests.SmartForward("f-" + Guid.NewGuid().ToString("N")[..8], mime, inbox, serverId));
        response.Status.ShouldBe(HttpStatusCode.OK);

        var forwarded = (await Mailbox.WaitForAsync(_hidden, subject)).Single().Raw;
        forwarded.ShouldContain("FYI.");
        forwarded.ShouldContain("filename=\"data.bin\"");
        forwarded.ShouldContain(Convert.ToBase64String(attachment)[..60]);
        (await Mailbox.FlagsAsync(_sender, originalSubject)).ShouldContain("$Forwarded");
    }

    [Fact]
    public async Task Mail_sent_by_one_phone_pushes_to_the_recipients_parked_Ping()
    {
        var receiving = await SyncingPhone.StartAsync(_server, _recipient, "14.1", "PushedPhone");
        var inbox = receiving.IdOf("INBOX");
        await receiving.SyncAllAsync(inbox);
        var parked = receiving.Client.PostAsync("Ping", PingRequests.Ping(120, inbox));
        await Task.Delay(1500);
        parked.IsCompleted.ShouldBeFalse("nothing has arrived yet");

        var phone = await PhoneAsync("14.1");
        var subject = Subject("Pushed");
        var mime = ComposeRequests.Message(_sender.Address, _recipient.Address, subject, "Arrives through Postfix and LMTP.");
        (await phone.PostAsync("SendMail", ComposeRequests.SendMail("push-" + Guid.NewGuid().ToString("N")[..8], mime))).Status.ShouldBe(HttpStatusCode.OK);

        var answer = await parked.WaitAsync(TimeSpan.FromSeconds(20));
        answer.Body.ShouldNotBeNull().ValueOf(Eas.Wire.CodePages.Ping.Status).ShouldBe("2");
        var added = SyncingPhone.AddsOf(await receiving.SyncAsync(inbox)).ToList();
        added.Count.ShouldBe(1);
        added[0].Data.ValueOf(Eas.Wire.CodePages.Email.Subject).ShouldBe(subject);
    }

    [Fact]
    public async Task A_bare_login_without_a_default_domain_sends_from_the_messages_own_address()
    {
        var login = "bare" + Guid.NewGuid().ToString("N")[..6];
        const string password = "Bare-Pass4";
        dovecot.Dovecot.AddUser(login, password);
        await using var server = await ServerInstance.StartAsync(dovecot, null, "--Eas:DefaultDomain=");
        var phone = server.Phone(login, password, "BarePhone", "14.1");
        await phone.ProvisionAsync();
        var subject = Subject("From a bare login");
        var mime = ComposeRequests.Message($"{login}@{DovecotFixture.Domain}", _recipient.Address, subject, "No domain at sign-in.");

        (await phone.PostAsync("SendMail", ComposeRequests.SendMail("bare-" + Guid.NewGuid().ToString("N")[..8], mime, saveInSent: false))).Status.ShouldBe(HttpStatusCode.OK);
        (await Mailbox.WaitForAsync(_recipient, subject)).Single().Raw.ShouldContain($"From: <{login}@{DovecotFixture.Domain}>");
    }

    [Fact]
    public async Task A_message_with_raw_UTF_8_headers_is_delivered_intact()
    {
        var phone = await PhoneAsync("14.1");
        var token = Guid.NewGuid().ToString("N");
        var subject = "Grüße aus Köln " + token;
        var mime = ComposeRequests.Message(_sender.Address, _recipient.Address, subject, "Schöne Grüße.");
        (await phone.PostAsync("SendMail", ComposeRequests.SendMail("utf8-" + token[..8], mime))).Status.ShouldBe(HttpStatusCode.OK);
        (await Mailbox.WaitForAsync(_recipient, token, anywhere: true)).Single().Raw.ShouldContain("Subject: " + subject);
    }

    [Fact]
    public async Task Malformed_MIME_is_sent_as_the_phone_wrote_it_or_refused_with_a_ComposeMail_status_never_a_server_error()
    {
        var phone = await PhoneAsync("14.1");
        string? Status(EasResponse response)
        {
            response.Status.ShouldBe(HttpStatusCode.OK);
            return response.Body?.ValueOf(Eas.Wire.CodePages.ComposeMail.Status);
        }

        var token = Guid.NewGuid().ToString("N");
        var tolerated = Encoding.UTF8.GetBytes(
            $"From: Jörg <{_sender.Address}>\r\nTo: <{_recipient.Address}>\r\nSubject: Kaputt {token}\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\n--never-closed\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\n" +
            "Grüße ohne Ende\r\n--never-closed\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n");
        Status(await phone.PostAsync("SendMail", ComposeRequests.SendMail("bad-" + token[..8], tolerated))).ShouldBeNull("sent as the phone wrote it");
        var delivered = (await Mailbox.WaitForAsync(_recipient, token, anywhere: true)).Single().Raw;
        delivered.ShouldContain("Grüße ohne Ende");
        delivered.ShouldContain("charset=x-no-such-charset");

        var notAField = Encoding.ASCII.GetBytes($"To: <{_recipient.Address}>\r\nthis line is no field\r\nSubject: x\r\n\r\nbody\r\n");
        Status(await phone.PostAsync("SendMail", ComposeRequests.SendMail("nf-" + token[..8], notAField))).ShouldBe("107");

        var endlessHeader = Encoding.ASCII.GetBytes($"To: <{_recipient.Address}>\r\nX-Long: " + new string('a', 2 * 1024 * 1024) + "\r\n\r\nbody\r\n");
        Status(await phone.PostAsync("SendMail", ComposeRequests.SendMail("long-" + token[..8], endlessHeader))).ShouldBe("107");

        var noAddress = Encoding.ASCII.GetBytes("To: Bob\r\nSubject: x\r\n\r\nbody\r\n");
        Status(await phone.PostAsync("SendMail", ComposeRequests.SendMail("na-" + token[..8], noAddress))).ShouldBe("107");
    }

    [Fact]
    public async Task Refusals_get_their_statuses_from_14_0_and_HTTP_statuses_before()
    {
        var phone = await PhoneAsync("14.1");
        var old = await PhoneAsync("12.1");
        string Status(EasResponse response) => response.Body.ShouldNotBeNull().ValueOf(Eas.Wire.CodePages.ComposeMail.Status)!;

        var unknown = ComposeRequests.Message(_sender.Address, $"nobody-{Guid.NewGuid():N}@{DovecotFixture.Domain}", Subject("Lost"), "?");
        Status(await phone.PostAsync("SendMail", ComposeRequests.SendMail("u1", unknown))).ShouldBe("116");
        (await old.PostMimeAsync("SendMail", unknown)).Status.ShouldBe(HttpStatusCode.InternalServerError);

        var huge = ComposeRequests.Message(_sender.Address, _recipient.Address, Subject("Huge"), "big", attachment: new byte[DovecotFixture.MessageSizeLimit + 1]);
        Status(await phone.PostAsync("SendMail", ComposeRequests.SendMail("h1", huge))).ShouldBe("122");

        var nobody = Encoding.ASCII.GetBytes($"From: <{_sender.Address}>\r\nSubject: none\r\n\r\nno recipients\r\n");
        Status(await phone.PostAsync("SendMail", ComposeRequests.SendMail("n1", nobody))).ShouldBe("119");

        var missing = ComposeRequests.Message(_sender.Address, _recipient.Address, Subject("Re: gone"), "?");
        Status(await phone.PostAsync("SmartReply", ComposeRequests.SmartReply("m1", missing, "1", "1:999999"))).ShouldBe("150");

        var later = ComposeRequests.Message(_sender.Address, _recipient.Address, Subject("Later"), "when Postfix is back");
        await dovecot.Postfix.StopAsync();
        try
        {
            Status(await phone.PostAsync("SendMail", ComposeRequests.SendMail("p1", later))).ShouldBe("111");
            var retry = await old.PostMimeAsync("SendMail", later);
            retry.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            retry.Headers.RetryAfter.ShouldNotBeNull();
        }
        finally
        {
            await dovecot.Postfix.StartAgainAsync();
        }

        (await phone.PostAsync("SendMail", ComposeRequests.SendMail("p1", later))).Status.ShouldBe(HttpStatusCode.OK, "the same ClientId goes through once the server is back");
    }
}
