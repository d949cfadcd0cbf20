using System.Net;
using System.Net.Sockets;
using Eas.Mail.Imap;
using Eas.Mail.LocalDovecot;
using Eas.Mail.Tests.Fixtures;
using static Eas.Mail.Tests.Fixtures.DovecotFixture;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientTlsTests(DovecotFixture fixture)
{
    private readonly DovecotInstance _dovecot = fixture.Dovecot;

    [Fact]
    public async Task StartTls_then_login()
    {
        await using var client = new ImapClient(_dovecot.Endpoint(ImapSecurity.StartTls));

        await client.ConnectAsync();

        client.IsSecure.ShouldBeTrue();
        client.Capabilities.StartTls.ShouldBeFalse("capabilities must be asked again over TLS");
        client.Capabilities.Contains("IMAP4rev1").ShouldBeTrue();
        await client.LoginAsync(Dave, DavePassword);
        client.State.ShouldBe(ImapSessionState.Authenticated);
    }

    [Fact]
    public async Task Implicit_tls_then_login()
    {
        await using var client = new ImapClient(_dovecot.Endpoint(ImapSecurity.Tls));

        await client.ConnectAsync();

        client.IsSecure.ShouldBeTrue();
        await client.AuthenticatePlainAsync(Alice, AlicePassword);
        client.State.ShouldBe(ImapSessionState.Authenticated);
        await client.LogoutAsync();
    }

    [Fact]
    public async Task Accept_any_certificate_works_on_loopback()
    {
        var endpoint = new ImapEndpoint("127.0.0.1", _dovecot.ImapsPort, ImapSecurity.Tls) { AcceptAnyCertificate = true };
        await using var client = new ImapClient(endpoint);

        await client.ConnectAsync();

        client.IsSecure.ShouldBeTrue();
    }

    [Fact]
    public async Task An_untrusted_certificate_makes_the_store_unavailable()
    {
        var endpoint = new ImapEndpoint("127.0.0.1", _dovecot.ImapsPort, ImapSecurity.Tls) { TlsTargetHost = "localhost" };
        await using var client = new ImapClient(endpoint);

        var error = await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.ConnectAsync());

        error.Message.ShouldContain("TLS");
        client.State.ShouldBe(ImapSessionState.Disconnected);
    }

    [Fact]
    public async Task A_closed_port_makes_the_store_unavailable()
    {
        await using var client = new ImapClient(new ImapEndpoint("127.0.0.1", ClosedPort(), ImapSecurity.None));

        var error = await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.ConnectAsync());

        error.InnerException.ShouldBeOfType<SocketException>().SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }

    [Fact]
    public async Task Master_user_logs_in_as_another_user()
    {
        await _dovecot.DeliverAsync(Carol, "From: a@example.com\nSubject: for the watcher\n\nbody\n");
        await using var client = new ImapClient(_dovecot.Endpoint(ImapSecurity.StartTls));
        await client.ConnectAsync();

        await client.LoginAsync($"{Carol}*{Master}", MasterPassword);

        client.State.ShouldBe(ImapSessionState.Authenticated);
        var exists = await ImapTestCommands.SelectInboxAsync(client);
        exists.ShouldBeGreaterThanOrEqualTo(1UL);
    }

    [Fact]
    public async Task Master_user_logs_in_with_plain_authorization_identity()
    {
        await using var client = new ImapClient(_dovecot.Endpoint(ImapSecurity.Tls));
        await client.ConnectAsync();

        await client.AuthenticatePlainAsync(Master, MasterPassword, authorizationIdentity: Alice);

        client.State.ShouldBe(ImapSessionState.Authenticated);
    }

    [Fact]
    public async Task Master_user_cannot_log_in_as_a_user_that_does_not_exist()
    {
        await using var client = new ImapClient(_dovecot.Endpoint(ImapSecurity.Tls));
        await client.ConnectAsync();

        var error = await Should.ThrowAsync<ImapAuthenticationException>(() => client.LoginAsync($"ghost*{Master}", MasterPassword));

        error.ResponseCode!.Name.ShouldBe("AUTHORIZATIONFAILED");
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
