using System.Net;
using System.Net.Sockets;
using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>Sign-in through MailKit tells accepted, refused and unavailable apart, over plain, STARTTLS and implicit TLS.</summary>
[Collection(ImapDovecotCollection.Name)]
public sealed class ImapAuthenticatorTests(ImapDovecotFixture fixture)
{
    [Theory]
    [InlineData(ImapSecurity.None)]
    [InlineData(ImapSecurity.StartTls)]
    [InlineData(ImapSecurity.Tls)]
    public async Task The_right_password_is_accepted_and_a_wrong_one_refused(ImapSecurity security)
    {
        var account = fixture.NewAccount();
        var port = security == ImapSecurity.Tls ? fixture.Dovecot.ImapsPort : fixture.Dovecot.ImapPort;
        var authenticator = new ImapAuthenticator(new ImapServer("127.0.0.1", port, security) { AcceptAnyCertificate = true });

        (await authenticator.AuthenticateAsync(account.Login, account.Password, CancellationToken.None)).Outcome.ShouldBe(MailSignInOutcome.Accepted);
        (await authenticator.AuthenticateAsync(account.Login, "wrong", CancellationToken.None)).Outcome.ShouldBe(MailSignInOutcome.Refused);
        (await authenticator.AuthenticateAsync(account.Login, "", CancellationToken.None)).Outcome.ShouldBe(MailSignInOutcome.Refused);
    }

    [Fact]
    public async Task A_self_signed_certificate_is_refused_unless_accepted_on_purpose()
    {
        var account = fixture.NewAccount();
        var authenticator = new ImapAuthenticator(new ImapServer("127.0.0.1", fixture.Dovecot.ImapsPort, ImapSecurity.Tls));

        await Should.ThrowAsync<MailStoreUnavailableException>(() => authenticator.AuthenticateAsync(account.Login, account.Password, CancellationToken.None));
    }

    [Fact]
    public async Task Accepting_any_certificate_is_refused_for_a_server_that_is_not_on_loopback()
    {
        var authenticator = new ImapAuthenticator(new ImapServer("192.0.2.1", 993, ImapSecurity.Tls) { AcceptAnyCertificate = true });

        await Should.ThrowAsync<InvalidOperationException>(() => authenticator.AuthenticateAsync("user", "password", CancellationToken.None));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_unavailable_not_a_refusal()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var authenticator = new ImapAuthenticator(new ImapServer("127.0.0.1", port, ImapSecurity.None) { Timeout = TimeSpan.FromSeconds(2) });

        await Should.ThrowAsync<MailStoreUnavailableException>(() => authenticator.AuthenticateAsync("user", "password", CancellationToken.None));
    }
}
