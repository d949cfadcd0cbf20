using System.Net.Sockets;
using System.Runtime.Versioning;
using Eas.Mail.LocalPostfix;
using MailKit.Net.Smtp;
using MailKit.Security;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.LocalPostfix;

/// <summary>Instances of the tests' own, in front of the fixture's Dovecot.</summary>
[Collection(PostfixCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class PostfixInstanceLifecycleTests(PostfixFixture fixture)
{
    [Fact]
    public async Task Disposing_stops_the_master_and_closes_the_ports()
    {
        var postfix = await PostfixInstance.StartAsync(PostfixOptions.For(fixture.Dovecot, fixture.NewDirectory("eas-postfix-")));
        var master = PostfixInstanceTests.MasterOf(postfix).ShouldNotBeNull();

        await postfix.DisposeAsync();

        PostfixInstanceTests.IsAlive(master).ShouldBeFalse();
        postfix.IsRunning.ShouldBeFalse();
        using var smtp = new SmtpClient();
        var error = await Should.ThrowAsync<SocketException>(() => smtp.ConnectAsync("127.0.0.1", postfix.SubmissionPort, SecureSocketOptions.None));
        error.SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }

    /// <summary>A Postfix whose owner died without disposing it keeps running (it daemonizes); the next start stops it.</summary>
    [Fact]
    public async Task A_postfix_left_running_on_a_data_directory_is_stopped_by_the_next_start()
    {
        var options = PostfixOptions.For(fixture.Dovecot, fixture.NewDirectory("eas-postfix-"));
        var abandoned = await PostfixInstance.StartAsync(options);
        var abandonedMaster = PostfixInstanceTests.MasterOf(abandoned).ShouldNotBeNull();

        var next = await PostfixInstance.StartAsync(options);
        try
        {
            PostfixInstanceTests.IsAlive(abandonedMaster).ShouldBeFalse();
            using var smtp = new SmtpClient { ServerCertificateValidationCallback = next.IsOwnCertificate };
            await smtp.ConnectAsync("127.0.0.1", next.SubmissionPort, SecureSocketOptions.StartTls);
            smtp.IsSecure.ShouldBeTrue();
        }
        finally
        {
            await next.DisposeAsync();
            await abandoned.DisposeAsync();
        }
    }
}
