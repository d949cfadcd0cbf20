using System.Text;
using Eas.Mail.Imap;
using static Eas.Mail.Tests.Imap.ScriptedImapServer;

namespace Eas.Mail.Tests.Imap;

/// <summary>Conversations Dovecot cannot be made to have, replayed by a scripted server.</summary>
public sealed class ImapClientScriptedTests
{
    private const string Greeting = "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready";

    [Fact]
    public async Task Without_literal_plus_a_literal_waits_for_the_continuation()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect("A0001 LOGIN \"bob\" {9}"),
            Send("+ Ready for literal data"),
            Expect("pässword"),
            Send("A0001 OK [CAPABILITY IMAP4rev1 IDLE] Logged in"));
        await using var client = await ConnectAsync(server);

        await client.LoginAsync("bob", "pässword");

        await server.Completion;
        client.Capabilities.Contains("IDLE").ShouldBeTrue();
    }

    [Fact]
    public async Task A_command_refused_before_its_literal_is_not_sent_further()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect("A0001 LOGIN \"bob\" {9}"),
            Send("A0001 NO [AUTHENTICATIONFAILED] nope"),
            ExpectClose());
        await using (var client = await ConnectAsync(server))
        {
            await Should.ThrowAsync<ImapAuthenticationException>(() => client.LoginAsync("bob", "pässword"));
        }

        await server.Completion;
    }

    [Fact]
    public async Task Without_sasl_ir_plain_credentials_follow_the_challenge()
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0alice\0secret"));
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect("A0001 AUTHENTICATE PLAIN"),
            Send("+ "),
            Expect(credentials),
            Send("A0001 OK Logged in"),
            Expect("A0002 CAPABILITY"),
            Send("* CAPABILITY IMAP4rev1 IDLE", "A0002 OK done"));
        await using var client = await ConnectAsync(server);

        await client.AuthenticatePlainAsync("alice", "secret");

        await server.Completion;
        client.State.ShouldBe(ImapSessionState.Authenticated);
        client.Capabilities.Contains("IDLE").ShouldBeTrue();
    }

    [Fact]
    public async Task Login_disabled_is_respected_without_sending_anything()
    {
        await using var server = new ScriptedImapServer(
            Send("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready"),
            ExpectClose());
        await using (var client = await ConnectAsync(server))
        {
            client.Capabilities.LoginDisabled.ShouldBeTrue();
            await Should.ThrowAsync<InvalidOperationException>(() => client.LoginAsync("alice", "secret"));
        }

        await server.Completion;
    }

    [Fact]
    public async Task Unavailable_is_an_outage_not_a_rejection()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect("A0001 LOGIN \"alice\" \"secret\""),
            Send("A0001 NO [UNAVAILABLE] Temporary authentication failure"));
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.LoginAsync("alice", "secret"));

        error.Message.ShouldContain("UNAVAILABLE");
        client.State.ShouldBe(ImapSessionState.Disconnected);
    }

    [Fact]
    public async Task The_authenticator_reports_unavailable_as_an_outage()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect("A0001 AUTHENTICATE PLAIN " + Convert.ToBase64String(Encoding.UTF8.GetBytes("\0alice\0secret"))),
            Send("A0001 NO [UNAVAILABLE] Temporary authentication failure"));
        var authenticator = new ImapAuthenticator(Endpoint(server));

        await Should.ThrowAsync<ImapStoreUnavailableException>(() => authenticator.AuthenticateAsync("alice", "secret", CancellationToken.None));
    }

    [Fact]
    public async Task A_password_echoed_by_the_server_is_masked()
    {
        await using var server = new ScriptedImapServer(
            Send(Greeting),
            Expect("A0001 LOGIN \"alice\" \"s3cr3t!\""),
            Send("A0001 BAD Error in IMAP command LOGIN alice s3cr3t!"));
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<ImapCommandException>(() => client.LoginAsync("alice", "s3cr3t!"));

        error.ToString().ShouldNotContain("s3cr3t!");
        error.ResponseText.ShouldBe("Error in IMAP command LOGIN alice ***");
    }

    [Fact]
    public async Task A_bye_greeting_is_an_outage()
    {
        await using var server = new ScriptedImapServer(Send("* BYE Too many connections"), Close());
        await using var client = new ImapClient(Endpoint(server));

        var error = await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.ConnectAsync());

        error.Message.ShouldContain("Too many connections");
    }

    [Fact]
    public async Task StartTls_is_required_when_asked_for()
    {
        await using var server = new ScriptedImapServer(Send(Greeting), ExpectClose());
        await using (var client = new ImapClient(Endpoint(server, ImapSecurity.StartTls)))
        {
            var error = await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.ConnectAsync());
            error.Message.ShouldContain("STARTTLS");
        }

        await server.Completion;
    }

    [Fact]
    public async Task Plaintext_injected_after_starttls_is_refused()
    {
        await using var server = new ScriptedImapServer(
            Send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready"),
            Expect("A0001 STARTTLS"),
            Send("A0001 OK Begin TLS negotiation now", "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected"));
        await using var client = new ImapClient(Endpoint(server, ImapSecurity.StartTls));

        var error = await Should.ThrowAsync<ImapProtocolException>(() => client.ConnectAsync());

        error.Message.ShouldContain("STARTTLS");
        client.State.ShouldBe(ImapSessionState.Disconnected);
    }

    [Fact]
    public async Task A_server_that_never_greets_times_out_as_an_outage()
    {
        await using var server = new ScriptedImapServer(ExpectClose());
        var options = new ImapClientOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) };
        await using var client = new ImapClient(Endpoint(server), options);

        var error = await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.ConnectAsync());

        error.Message.ShouldContain("within 0.3 s");
        client.State.ShouldBe(ImapSessionState.Disconnected);
    }

    [Fact]
    public async Task A_command_that_gets_no_answer_times_out_and_drops_the_connection()
    {
        await using var server = new ScriptedImapServer(Send(Greeting), Expect("A0001 NOOP"), ExpectClose());
        var options = new ImapClientOptions { CommandTimeout = TimeSpan.FromMilliseconds(300) };
        await using var client = new ImapClient(Endpoint(server), options);
        await client.ConnectAsync();

        await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.NoopAsync());

        client.State.ShouldBe(ImapSessionState.Disconnected);
        await server.Completion;
    }

    [Fact]
    public async Task A_connection_dropped_mid_session_is_a_protocol_error()
    {
        await using var server = new ScriptedImapServer(Send(Greeting), Expect("A0001 NOOP"), Send("* 1 FETCH (BODY[] {100}"), Close());
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<ImapProtocolException>(() => client.NoopAsync());

        error.ConnectionClosed.ShouldBeTrue();
        client.State.ShouldBe(ImapSessionState.Disconnected);
    }

    [Fact]
    public async Task Bye_then_close_mid_session_is_an_outage()
    {
        await using var server = new ScriptedImapServer(Send(Greeting), Expect("A0001 NOOP"), Send("* BYE Server shutting down."), Close());
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<ImapStoreUnavailableException>(() => client.NoopAsync());

        error.Message.ShouldContain("Server shutting down.");
    }

    [Fact]
    public async Task A_foreign_tag_is_a_protocol_error()
    {
        await using var server = new ScriptedImapServer(Send(Greeting), Expect("A0001 NOOP"), Send("B7 OK what?"));
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<ImapProtocolException>(() => client.NoopAsync());

        error.Message.ShouldContain("B7");
    }

    private static ImapEndpoint Endpoint(ScriptedImapServer server, ImapSecurity security = ImapSecurity.None) =>
        new("127.0.0.1", server.Port, security);

    private static async Task<ImapClient> ConnectAsync(ScriptedImapServer server)
    {
        var client = new ImapClient(Endpoint(server));
        await client.ConnectAsync();
        return client;
    }
}
