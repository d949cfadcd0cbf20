using Eas.Mail.Smtp;
using static Eas.Mail.Tests.Smtp.ScriptedSmtpServer;
using static Eas.Mail.Tests.Smtp.SmtpScript;

namespace Eas.Mail.Tests.Smtp;

public sealed class SmtpClientConnectScriptedTests
{
    [Fact]
    public async Task A_multi_line_ehlo_reply_gives_the_capabilities()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("PIPELINING", "SIZE 10240000", "8BITMIME", "SMTPUTF8", "AUTH PLAIN LOGIN", "AUTH=LOGIN", "ENHANCEDSTATUSCODES"),
            Expect("QUIT"), Send("221 2.0.0 Bye"), ExpectClose(),
        ]);

        await using var client = await ConnectAsync(server);

        client.Greeting.Code.ShouldBe(220);
        client.Greeting.Text.ShouldBe("scripted.test ESMTP ready");
        client.Capabilities.Pipelining.ShouldBeTrue();
        client.Capabilities.MaxMessageSize.ShouldBe(10_240_000);
        client.Capabilities.EightBitMime.ShouldBeTrue();
        client.Capabilities.SmtpUtf8.ShouldBeTrue();
        client.Capabilities.EnhancedStatusCodes.ShouldBeTrue();
        client.Capabilities.StartTls.ShouldBeFalse();
        client.Capabilities.AuthMechanisms.ShouldBe(["LOGIN", "PLAIN"], ignoreOrder: true);
        client.IsSecure.ShouldBeFalse();
        await client.QuitAsync();
        client.IsConnected.ShouldBeFalse();
        await server.Completion;
    }

    [Fact]
    public async Task Ehlo_refused_with_5xx_falls_back_to_helo_without_extensions()
    {
        await using var server = new ScriptedSmtpServer(
            Send("220 old.test SMTP"),
            Expect("EHLO client.test"), Send("502 5.5.1 Error: command not implemented"),
            Expect("HELO client.test"), Send("250 old.test"),
            Expect("RSET"), Send("250 Ok"));

        await using var client = await ConnectAsync(server, Quick with { ClientName = "client.test" });
        await client.ResetAsync();

        client.Capabilities.Keywords.ShouldBeEmpty();
        await server.Completion;
    }

    [Fact]
    public async Task Ehlo_refused_for_now_is_not_retried_as_helo()
    {
        await using var server = new ScriptedSmtpServer(
            Send("220 busy.test ESMTP"), Expect("EHLO [127.0.0.1]"), Send("451 4.3.2 Try again later"), ExpectClose());

        var error = await Should.ThrowAsync<SmtpCommandException>(() => ConnectAsync(server));

        error.Command.ShouldBe("EHLO");
        error.Kind.ShouldBe(SmtpFailureKind.Transient);
        error.EnhancedStatusCode.ShouldBe(new SmtpEnhancedStatusCode(4, 3, 2));
        await server.Completion;
    }

    [Theory]
    [InlineData("421 4.3.2 Service shutting down")]
    [InlineData("554 5.7.1 No SMTP service here")]
    public async Task A_greeting_that_refuses_the_session_makes_the_server_unavailable(string greeting)
    {
        await using var server = new ScriptedSmtpServer(Send(greeting), ExpectClose());

        var error = await Should.ThrowAsync<SmtpUnavailableException>(() => ConnectAsync(server));

        error.Message.ShouldContain(greeting[..3]);
        await server.Completion;
    }

    [Fact]
    public async Task StartTls_upgrades_the_connection_and_asks_ehlo_again()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("STARTTLS", "PIPELINING"),
            Expect("STARTTLS"), Send("220 2.0.0 Ready to start TLS"),
            StartTls(),
            Expect("EHLO [127.0.0.1]"), Ehlo("AUTH PLAIN", "SIZE 500"),
            Expect("QUIT"), Send("221 2.0.0 Bye"),
        ]);

        await using var client = await SmtpClient.ConnectAsync(EndpointOf(server, SmtpSecurity.StartTls), Quick);

        client.IsSecure.ShouldBeTrue();
        client.Capabilities.StartTls.ShouldBeFalse("capabilities learnt in the clear must be forgotten");
        client.Capabilities.Pipelining.ShouldBeFalse();
        client.Capabilities.AuthMechanisms.ShouldBe(["PLAIN"]);
        client.Capabilities.MaxMessageSize.ShouldBe(500);
        await client.QuitAsync();
        await server.Completion;
    }

    [Fact]
    public async Task A_server_without_starttls_is_refused_when_tls_is_required()
    {
        await using var server = new ScriptedSmtpServer([.. Hello("PIPELINING", "AUTH PLAIN"), ExpectClose()]);

        var error = await Should.ThrowAsync<SmtpUnavailableException>(() => SmtpClient.ConnectAsync(EndpointOf(server, SmtpSecurity.StartTls), Quick));

        error.Message.ShouldContain("STARTTLS");
        await server.Completion;
    }

    [Fact]
    public async Task A_refused_starttls_makes_the_server_unavailable()
    {
        await using var server = new ScriptedSmtpServer([.. Hello("STARTTLS"), Expect("STARTTLS"), Send("454 4.7.0 TLS not available"), ExpectClose()]);

        var error = await Should.ThrowAsync<SmtpUnavailableException>(() => SmtpClient.ConnectAsync(EndpointOf(server, SmtpSecurity.StartTls), Quick));

        error.Message.ShouldContain("454");
        await server.Completion;
    }

    [Fact]
    public async Task Data_sent_after_the_starttls_reply_is_refused()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("STARTTLS"), Expect("STARTTLS"), Send("220 2.0.0 Ready to start TLS", "250 injected before TLS"), ExpectClose(),
        ]);

        await Should.ThrowAsync<SmtpProtocolException>(() => SmtpClient.ConnectAsync(EndpointOf(server, SmtpSecurity.StartTls), Quick));

        await server.Completion;
    }

    [Fact]
    public async Task Implicit_tls_speaks_tls_from_the_first_byte()
    {
        await using var server = new ScriptedSmtpServer(implicitTls: true, [.. Hello("AUTH PLAIN"), Expect("QUIT"), Send("221 Bye")]);

        await using var client = await SmtpClient.ConnectAsync(EndpointOf(server, SmtpSecurity.Tls), Quick);

        client.IsSecure.ShouldBeTrue();
        await client.QuitAsync();
        await server.Completion;
    }

    [Fact]
    public async Task A_server_that_never_greets_times_out_as_unavailable()
    {
        await using var server = new ScriptedSmtpServer(ExpectClose());

        var error = await Should.ThrowAsync<SmtpUnavailableException>(
            () => ConnectAsync(server, Quick with { ConnectTimeout = TimeSpan.FromMilliseconds(300) }));

        error.Message.ShouldContain("did not complete connect");
        await server.Completion;
    }

    [Fact]
    public async Task A_closed_port_makes_the_server_unavailable()
    {
        var port = Fixtures.ClosedPort.Pick();

        var error = await Should.ThrowAsync<SmtpUnavailableException>(
            () => SmtpClient.ConnectAsync(new SmtpEndpoint("127.0.0.1", port, SmtpSecurity.None), Quick));

        error.InnerException.ShouldBeOfType<System.Net.Sockets.SocketException>();
    }

    [Theory]
    [InlineData("hello there")]
    [InlineData("22 short")]
    [InlineData("220_no separator")]
    public async Task A_malformed_greeting_is_a_protocol_error(string greeting)
    {
        await using var server = new ScriptedSmtpServer(Send(greeting), ExpectClose());

        await Should.ThrowAsync<SmtpProtocolException>(() => ConnectAsync(server));

        await server.Completion;
    }

    [Fact]
    public async Task A_reply_whose_lines_disagree_on_the_code_is_a_protocol_error()
    {
        await using var server = new ScriptedSmtpServer(
            Send("220 scripted.test"), Expect("EHLO [127.0.0.1]"), Send("250-scripted.test", "251 PIPELINING"), ExpectClose());

        var error = await Should.ThrowAsync<SmtpProtocolException>(() => ConnectAsync(server));

        error.Message.ShouldContain("250");
        await server.Completion;
    }

    [Fact]
    public async Task A_421_during_the_session_ends_it()
    {
        await using var server = new ScriptedSmtpServer(
        [
            .. Hello("PIPELINING"), Expect("RSET"), Send("421 4.4.2 scripted.test Error: timeout exceeded"), ExpectClose(),
        ]);
        await using var client = await ConnectAsync(server);

        await Should.ThrowAsync<SmtpUnavailableException>(() => client.ResetAsync());

        client.IsConnected.ShouldBeFalse();
        var again = await Should.ThrowAsync<SmtpUnavailableException>(() => client.ResetAsync());
        again.Message.ShouldContain("lost earlier");
        await server.Completion;
    }

    [Fact]
    public async Task Quit_tolerates_a_server_that_closes_without_answering()
    {
        await using var server = new ScriptedSmtpServer([.. Hello("PIPELINING"), Expect("QUIT"), Close()]);
        await using var client = await ConnectAsync(server);

        await client.QuitAsync();

        client.IsConnected.ShouldBeFalse();
        await Should.ThrowAsync<InvalidOperationException>(() => client.ResetAsync());
        await server.Completion;
    }
}
