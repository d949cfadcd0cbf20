using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sending;
using static Eas.Actors.Tests.Sending.SubmissionServers;

namespace Eas.Actors.Tests.Sending;

/// <summary>
/// <see cref="SmtpMailSubmitter"/> against a real Postfix (SMTP AUTH checked by Dovecot, delivery over LMTP): what
/// arrives, and which <see cref="SubmissionFailure"/> each refusal becomes.
/// </summary>
public sealed class SmtpMailSubmitterTests(SubmissionServers servers) : IClassFixture<SubmissionServers>
{
    private SmtpMailSubmitter StartTls() => new(new SmtpSubmissionSettings("127.0.0.1", servers.Postfix.SubmissionPort, SmtpSecurity.StartTls)
    {
        CertificateValidation = servers.Postfix.IsOwnCertificate,
        Timeout = TimeSpan.FromSeconds(20),
    });

    private static string Subject(string what) => $"{what} {Guid.NewGuid():N}";

    private static Func<Stream, CancellationToken, Task> Writes(string message) =>
        (stream, ct) => stream.WriteAsync(Encoding.UTF8.GetBytes(message.ReplaceLineEndings("\r\n")), ct).AsTask();

    private static string Message(string subject, string to, string body = "Hello.") =>
        $"From: <{AliceAddress}>\nTo: <{to}>\nSubject: {subject}\nMessage-ID: <{Guid.NewGuid():N}@example.com>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{body}\n";

    [Fact]
    public async Task A_message_with_raw_UTF_8_headers_arrives_intact_without_SMTPUTF8()
    {
        var subject = Subject("Grüße aus Köln");
        var body = "Zeile eins.\n.Ein Punkt am Anfang.\n..zwei\nSchöne Grüße.";

        await StartTls().SubmitAsync(new MailCredentials(Alice, AlicePassword), AliceAddress, [CarolAddress], Writes(Message(subject, CarolAddress, body)), CancellationToken.None);

        var (raw, _) = await servers.WaitForAsync(Carol, CarolPassword, subject);
        raw.ShouldContain($"Subject: {subject}\r\n");
        raw.ShouldContain(body.ReplaceLineEndings("\r\n"), Case.Sensitive, "dot-stuffing is undone and 8-bit text survives");
        raw.ShouldContain("with ESMTPSA");
        raw.ShouldNotContain("UTF8ESMTP", Case.Sensitive, "SMTPUTF8 is asked for addresses only, never for header text");
    }

    [Fact]
    public async Task Implicit_TLS_with_AcceptAnyCertificate_on_loopback_reaches_a_user_named_by_address()
    {
        var submitter = new SmtpMailSubmitter(new SmtpSubmissionSettings("127.0.0.1", servers.Postfix.SubmissionsPort, SmtpSecurity.Tls) { AcceptAnyCertificate = true });
        var subject = Subject("Implicit TLS");

        await submitter.SubmitAsync(new MailCredentials(Erin, ErinPassword), Erin, [AliceAddress], Writes(Message(subject, AliceAddress)), CancellationToken.None);

        (await servers.WaitForAsync(Alice, AlicePassword, subject)).Raw.ShouldContain("Hello.");
    }

    [Fact]
    public async Task An_unknown_recipient_refuses_the_whole_message_and_nobody_gets_it()
    {
        var refused = Subject("Half addressed");
        var error = await Should.ThrowAsync<SubmissionException>(() => StartTls().SubmitAsync(new MailCredentials(Alice, AlicePassword), AliceAddress,
            [CarolAddress, "nobody@example.com"], Writes(Message(refused, CarolAddress)), CancellationToken.None));
        error.Failure.ShouldBe(SubmissionFailure.RecipientRefused);
        error.Message.ShouldContain("nobody@example.com");

        var marker = Subject("After the refusal");
        await StartTls().SubmitAsync(new MailCredentials(Alice, AlicePassword), AliceAddress, [CarolAddress], Writes(Message(marker, CarolAddress)), CancellationToken.None);
        (await servers.WaitForAsync(Carol, CarolPassword, marker)).Subjects.ShouldNotContain(refused);
    }

    [Fact]
    public async Task Mail_for_other_domains_is_a_refused_recipient()
    {
        var error = await Should.ThrowAsync<SubmissionException>(() => StartTls().SubmitAsync(new MailCredentials(Alice, AlicePassword), AliceAddress,
            ["someone@elsewhere.test"], Writes(Message(Subject("Outbound"), "someone@elsewhere.test")), CancellationToken.None));

        error.Failure.ShouldBe(SubmissionFailure.RecipientRefused);
        error.Message.ShouldContain("5.7.1");
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_failure()
    {
        var error = await Should.ThrowAsync<SubmissionException>(() => StartTls().SubmitAsync(new MailCredentials(Alice, "wrong"), AliceAddress,
            [CarolAddress], Writes(Message(Subject("Wrong"), CarolAddress)), CancellationToken.None));

        error.Failure.ShouldBe(SubmissionFailure.AuthenticationFailed);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_as_too_large()
    {
        var big = new string('x', (int)MessageSizeLimit + 10);
        var error = await Should.ThrowAsync<SubmissionException>(() => StartTls().SubmitAsync(new MailCredentials(Alice, AlicePassword), AliceAddress,
            [CarolAddress], Writes(Message(Subject("Huge"), CarolAddress, string.Join('\n', big.Chunk(76).Select(c => new string(c))))), CancellationToken.None));

        error.Failure.ShouldBe(SubmissionFailure.MessageTooLarge);
    }

    [Fact]
    public async Task Addresses_that_are_not_plain_envelope_addresses_are_rejected_before_connecting()
    {
        var error = await Should.ThrowAsync<SubmissionException>(() => StartTls().SubmitAsync(new MailCredentials(Alice, AlicePassword), AliceAddress,
            ["two words@example.com"], Writes(Message(Subject("Bad"), CarolAddress)), CancellationToken.None));

        error.Failure.ShouldBe(SubmissionFailure.Rejected);
    }

    [Fact]
    public async Task A_stopped_server_is_unavailable_and_sending_works_again_once_it_is_back()
    {
        await servers.Postfix.StopAsync();
        try
        {
            var error = await Should.ThrowAsync<SubmissionException>(() => StartTls().SubmitAsync(new MailCredentials(Alice, AlicePassword), AliceAddress,
                [CarolAddress], Writes(Message(Subject("Down"), CarolAddress)), CancellationToken.None));
            error.Failure.ShouldBe(SubmissionFailure.Unavailable);
        }
        finally
        {
            await servers.Postfix.StartAgainAsync();
        }

        var subject = Subject("Back");
        await StartTls().SubmitAsync(new MailCredentials(Alice, AlicePassword), AliceAddress, [CarolAddress], Writes(Message(subject, CarolAddress)), CancellationToken.None);
        await servers.WaitForAsync(Carol, CarolPassword, subject);
    }
}
