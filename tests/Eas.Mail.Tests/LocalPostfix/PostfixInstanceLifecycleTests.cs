using System.Net.Sockets;
using System.Runtime.Versioning;
using Eas.Mail.LocalPostfix;
using Eas.Mail.Smtp;
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
        var error = await Should.ThrowAsync<SmtpUnavailableException>(() => SmtpClient.ConnectAsync(postfix.Endpoint(SmtpSecurity.None)));
        error.InnerException.ShouldBeOfType<SocketException>().SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
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
            await using var smtp = await SmtpClient.ConnectAsync(next.Endpoint(SmtpSecurity.StartTls));
            smtp.IsSecure.ShouldBeTrue();
        }
        finally
        {
            await next.DisposeAsync();
            await abandoned.DisposeAsync();
        }
    }
}
