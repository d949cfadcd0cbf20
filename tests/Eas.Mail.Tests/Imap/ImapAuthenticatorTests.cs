using Eas.Mail.Imap;
using Eas.Mail.LocalDovecot;
using Eas.Mail.Tests.Fixtures;
using static Eas.Mail.Tests.Fixtures.DovecotFixture;

namespace Eas.Mail.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapAuthenticatorTests(DovecotFixture fixture)
{
    private readonly DovecotInstance _dovecot = fixture.Dovecot;

    [Theory]
    [InlineData(ImapSecurity.None)]
    [InlineData(ImapSecurity.StartTls)]
    [InlineData(ImapSecurity.Tls)]
    public async Task Good_credentials_succeed(ImapSecurity security)
    {
        var authenticator = new ImapAuthenticator(_dovecot.Endpoint(security));

        var result = await authenticator.AuthenticateAsync(Dave, DavePassword, CancellationToken.None);

        result.ShouldBe(ImapAuthResult.Success);
    }

    [Fact]
    public async Task Bad_credentials_are_rejected_with_the_server_reason()
    {
        var authenticator = new ImapAuthenticator(_dovecot.Endpoint(ImapSecurity.Tls));

        var result = await authenticator.AuthenticateAsync(Alice, "not-" + AlicePassword, CancellationToken.None);

        result.Outcome.ShouldBe(ImapAuthOutcome.Rejected);
        result.ResponseCode!.Name.ShouldBe("AUTHENTICATIONFAILED");
        result.ToString().ShouldNotContain(AlicePassword);
    }

    [Fact]
    public async Task Empty_password_is_rejected_without_asking()
    {
        var authenticator = new ImapAuthenticator(new ImapEndpoint("127.0.0.1", ImapClientTlsTests.ClosedPort(), ImapSecurity.None));

        var result = await authenticator.AuthenticateAsync(Alice, "", CancellationToken.None);

        result.Outcome.ShouldBe(ImapAuthOutcome.Rejected);
    }

    [Fact]
    public async Task A_closed_port_is_a_store_outage_not_a_rejection()
    {
        var authenticator = new ImapAuthenticator(new ImapEndpoint("127.0.0.1", ImapClientTlsTests.ClosedPort(), ImapSecurity.None));

        var error = await Should.ThrowAsync<ImapStoreUnavailableException>(
            () => authenticator.AuthenticateAsync(Alice, AlicePassword, CancellationToken.None));

        error.Message.ShouldNotContain(AlicePassword);
    }
}
