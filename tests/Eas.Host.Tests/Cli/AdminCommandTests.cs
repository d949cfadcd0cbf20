using System.Net;
using System.Net.Sockets;
using Eas.Host.Cli;

namespace Eas.Host.Tests.Cli;

/// <summary>The <c>admin</c> and <c>top</c> subcommands without a server: reaching none is exit code 2 with the reason.</summary>
public sealed class AdminCommandTests
{
    /// <summary>A loopback port nobody listens on: bound, then released.</summary>
    private static string ClosedUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    [Theory]
    [InlineData("admin", "service", "show")]
    [InlineData("admin", "domain", "set", "ox.io", "--email", "off")]
    [InlineData("top", "--once", "--interval", "0.1")]
    public async Task An_unreachable_server_is_exit_code_2_with_the_reason_on_standard_error(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliCommands.RunAsync([.. args, "--url", ClosedUrl(), "--password", "x"], output, error);

        exit.ShouldBe(2);
        error.ToString().ShouldContain("Cannot reach the server");
        output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_switch_value_other_than_on_off_or_inherit_is_refused_before_any_request()
    {
        var error = new StringWriter();

        var exit = await CliCommands.RunAsync(["admin", "domain", "set", "ox.io", "--email", "maybe", "--url", ClosedUrl()], new StringWriter(), error);

        exit.ShouldBe(2);
        error.ToString().ShouldContain("maybe");
    }
}
