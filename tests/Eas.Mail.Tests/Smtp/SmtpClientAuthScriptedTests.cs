using System.Text;
using Eas.Mail.Smtp;
using static Eas.Mail.Tests.Smtp.ScriptedSmtpServer;
using static Eas.Mail.Tests.Smtp.SmtpScript;

namespace Eas.Mail.Tests.Smtp;

public sealed class SmtpClientAuthScriptedTests
{
    private const string Password = "pä:ss wörd";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Plain_sends_the_credentials_as_initial_response()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("AUTH LOGIN PLAIN"),
            Expect("AUTH PLAIN " + Base64($"\0alice\0{Password}")), Send("235 2.7.0 Authentication successful"),
        ]);
        await using var client = await ConnectAsync(server);

        await client.AuthenticateAsync("alice", Password);

        client.IsAuthenticated.ShouldBeTrue();
        await server.Completion;
    }

    [Fact]
    public async Task Login_answers_the_user_name_and_password_challenges()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("AUTH LOGIN"),
            Expect("AUTH LOGIN"), Send("334 VXNlcm5hbWU6"),
            Expect(Base64("alice@example.com")), Send("334 UGFzc3dvcmQ6"),
            Expect(Base64(Password)), Send("235 2.7.0 Authentication successful"),
        ]);
        await using var client = await ConnectAsync(server);

        await client.AuthenticateAsync("alice@example.com", Password);

        client.IsAuthenticated.ShouldBeTrue();
        await server.Completion;
    }

    [Fact]
    public async Task Login_can_be_chosen_where_plain_is_offered_too()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("AUTH PLAIN LOGIN"),
            Expect("AUTH LOGIN"), Send("334 VXNlcm5hbWU6"), Expect(Base64("alice")), Send("334 UGFzc3dvcmQ6"),
            Expect(Base64(Password)), Send("235 2.7.0 Authentication successful"),
        ]);
        await using var client = await ConnectAsync(server);

        await client.AuthenticateAsync("alice", Password, SmtpAuthMechanism.Login);

        await server.Completion;
    }

    [Fact]
    public async Task Refused_credentials_are_an_authentication_failure_that_does_not_reveal_them()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("AUTH PLAIN", "ENHANCEDSTATUSCODES"),
            ExpectStart("AUTH PLAIN "), Send("535 5.7.8 Error: authentication failed: authentication failure"),
            Expect("QUIT"), Send("221 Bye"),
        ]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(() => client.AuthenticateAsync("alice", Password));
        await client.QuitAsync();

        error.Command.ShouldBe("AUTH");
        error.Kind.ShouldBe(SmtpFailureKind.AuthenticationFailed);
        error.ReplyCode.ShouldBe(535);
        error.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(5, 7, 8));
        error.Message.ShouldNotContain(Password);
        error.Message.ShouldNotContain(Base64($"\0alice\0{Password}"));
        client.IsAuthenticated.ShouldBeFalse();
        await server.Completion;
    }

    [Fact]
    public async Task A_server_that_cannot_check_credentials_now_is_a_transient_failure()
    {
        await using var server = new ScriptedSmtpServer(
            [.. Hello("AUTH LOGIN"), Expect("AUTH LOGIN"), Send("454 4.7.0 Temporary authentication failure")]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(() => client.AuthenticateAsync("alice", Password));

        error.Kind.ShouldBe(SmtpFailureKind.Transient);
        await server.Completion;
    }

    [Fact]
    public async Task A_challenge_after_the_plain_credentials_is_cancelled()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("AUTH PLAIN"),
            ExpectStart("AUTH PLAIN "), Send("334 "),
            Expect("*"), Send("501 5.7.0 Authentication aborted"),
        ]);
        await using var client = await ConnectAsync(server);

        var error = await Should.ThrowAsync<SmtpCommandException>(() => client.AuthenticateAsync("alice", Password));

        error.ReplyCode.ShouldBe(501);
        error.Kind.ShouldBe(SmtpFailureKind.Permanent);
        await server.Completion;
    }

    [Fact]
    public async Task Authentication_is_refused_locally_when_not_offered_or_already_done()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("AUTH PLAIN"),
            ExpectStart("AUTH PLAIN "), Send("235 2.7.0 Authentication successful"),
            Expect("QUIT"), Send("221 Bye"),
        ]);
        await using var client = await ConnectAsync(server);

        await Should.ThrowAsync<InvalidOperationException>(() => client.AuthenticateAsync("alice", Password, SmtpAuthMechanism.Login));
        await client.AuthenticateAsync("alice", Password);
        await Should.ThrowAsync<InvalidOperationException>(() => client.AuthenticateAsync("alice", Password));
        await client.QuitAsync();

        await server.Completion;
    }
}
