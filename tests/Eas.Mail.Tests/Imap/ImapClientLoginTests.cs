using Eas.Mail.Imap;
using Eas.Mail.Imap.Protocol;
using Eas.Mail.LocalDovecot;
using Eas.Mail.Tests.Fixtures;
using static Eas.Mail.Tests.Fixtures.DovecotFixture;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientLoginTests(DovecotFixture fixture)
{
    private readonly DovecotInstance _dovecot = fixture.Dovecot;

    [Fact]
    public async Task Greeting_and_capabilities_are_read_on_connect()
    {
        await using var client = await ConnectAsync();

        client.State.ShouldBe(ImapSessionState.NotAuthenticated);
        client.Greeting!.Text.ShouldContain("ready");
        client.Capabilities.Contains("imap4rev1").ShouldBeTrue();
        client.Capabilities.StartTls.ShouldBeTrue();
        client.Capabilities.SupportsAuthentication("PLAIN").ShouldBeTrue();
        client.Capabilities.LiteralMode.ShouldBe(ImapLiteralMode.NonSynchronizing);
        client.IsSecure.ShouldBeFalse();
    }

    [Fact]
    public async Task Login_moves_to_authenticated_and_refreshes_capabilities()
    {
        await using var client = await ConnectAsync();
        client.Capabilities.Contains("CONDSTORE").ShouldBeFalse();

        await client.LoginAsync(Alice, AlicePassword);

        client.State.ShouldBe(ImapSessionState.Authenticated);
        client.Capabilities.Contains("CONDSTORE").ShouldBeTrue();
        client.Capabilities.Contains("NOTIFY").ShouldBeTrue();
        await client.NoopAsync();
        (await client.CapabilityAsync()).Contains("IDLE").ShouldBeTrue();
        await client.LogoutAsync();
        client.State.ShouldBe(ImapSessionState.Disconnected);
    }

    [Fact]
    public async Task Wrong_password_is_an_authentication_failure_and_the_session_survives()
    {
        await using var client = await ConnectAsync();

        var error = await Should.ThrowAsync<ImapAuthenticationException>(() => client.LoginAsync(Alice, "wrong-password"));

        error.ResponseCode!.Name.ShouldBe("AUTHENTICATIONFAILED");
        error.Message.ShouldNotContain("wrong-password");
        client.State.ShouldBe(ImapSessionState.NotAuthenticated);
        await client.NoopAsync();
        client.State.ShouldBe(ImapSessionState.NotAuthenticated);
    }

    /// <summary>One connection per attempt: Dovecot delays a second attempt on a connection by 5 s.</summary>
    [Theory]
    [InlineData("secret-pass1")]
    [InlineData("SECRET-PASS1")]
    public async Task Passwords_are_case_sensitive(string wrongCase)
    {
        await using var client = await ConnectAsync();

        await Should.ThrowAsync<ImapAuthenticationException>(() => client.LoginAsync(Alice, wrongCase));
    }

    [Fact]
    public async Task User_names_are_case_insensitive_in_dovecot()
    {
        await using var client = await ConnectAsync();

        await client.LoginAsync(Alice.ToUpperInvariant(), AlicePassword);

        client.State.ShouldBe(ImapSessionState.Authenticated);
    }

    [Fact]
    public async Task Unknown_user_is_an_authentication_failure()
    {
        await using var client = await ConnectAsync();

        await Should.ThrowAsync<ImapAuthenticationException>(() => client.LoginAsync("nobody-here", AlicePassword));
    }

    [Fact]
    public async Task Password_with_quotes_and_backslashes_goes_quoted()
    {
        await using var client = await ConnectAsync();

        await client.LoginAsync(Carol, CarolPassword);

        client.State.ShouldBe(ImapSessionState.Authenticated);
    }

    [Fact]
    public async Task Password_with_non_ascii_goes_as_a_literal()
    {
        await using var client = await ConnectAsync();

        await client.LoginAsync(Dave, DavePassword);

        client.State.ShouldBe(ImapSessionState.Authenticated);
    }

    [Theory]
    [InlineData(Alice, AlicePassword)]
    [InlineData(Carol, CarolPassword)]
    [InlineData(Dave, DavePassword)]
    public async Task Authenticate_plain_with_initial_response(string user, string password)
    {
        await using var client = await ConnectAsync();
        client.Capabilities.SaslInitialResponse.ShouldBeTrue();

        await client.AuthenticatePlainAsync(user, password);

        client.State.ShouldBe(ImapSessionState.Authenticated);
        client.Capabilities.Contains("CONDSTORE").ShouldBeTrue();
    }

    [Fact]
    public async Task Authenticate_plain_with_a_wrong_password_is_an_authentication_failure()
    {
        await using var client = await ConnectAsync();

        var error = await Should.ThrowAsync<ImapAuthenticationException>(() => client.AuthenticatePlainAsync(Dave, "pä:ss"));

        error.Command.ShouldBe("AUTHENTICATE");
        error.ToString().ShouldNotContain("pä:ss");
    }

    [Fact]
    public async Task Commands_outside_their_state_are_refused_locally()
    {
        await using var client = await ConnectAsync();
        await client.LoginAsync(Alice, AlicePassword);

        await Should.ThrowAsync<InvalidOperationException>(() => client.LoginAsync(Alice, AlicePassword));
    }

    [Fact]
    public async Task Raw_commands_run_and_their_failures_are_command_exceptions()
    {
        await using var client = await ConnectAsync();
        await client.LoginAsync(Alice, AlicePassword);

        var untagged = new List<ImapResponse>();
        await client.ExecuteAsync(new ImapCommandBuilder("SELECT").String("INBOX").Build(), untagged.Add);
        var error = await Should.ThrowAsync<ImapCommandException>(
            () => client.ExecuteAsync(new ImapCommandBuilder("SELECT").String("No such folder").Build()));

        untagged.ShouldContain(response => response.Name == "EXISTS");
        error.Status.ShouldBe(ImapResponseStatus.No);
        error.ResponseText.ShouldContain("doesn't exist");
        client.State.ShouldBe(ImapSessionState.Authenticated);
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient(_dovecot.Endpoint(ImapSecurity.None));
        await client.ConnectAsync();
        return client;
    }
}
