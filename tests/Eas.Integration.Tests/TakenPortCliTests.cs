using System.Net;
using System.Net.Sockets;
using Eas.Host.Cli;

namespace Eas.Integration.Tests;

/// <summary>
/// Issue 17: a listen port another program holds ends <c>eas-server</c> and <c>eas-server demo</c> with one clear
/// line naming <c>--urls</c> and a non-zero exit code, before Dovecot, Postfix or the actors start. Loopback only.
/// </summary>
public sealed class TakenPortCliTests : IDisposable
{
    private readonly TcpListener _taken = new(IPAddress.Loopback, 0);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("eas-taken-port").FullName;

    public TakenPortCliTests() => _taken.Start();

    private string Url => $"http://127.0.0.1:{((IPEndPoint)_taken.LocalEndpoint).Port}";

    public void Dispose()
    {
        _taken.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Demo_on_a_taken_port_prints_one_line_naming_urls_and_exits_non_zero_without_starting_dovecot()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var demoDir = Path.Combine(_dataDir, "demo");

        var exit = await CliCommands.RunAsync(["demo", "--urls", Url, "--data-dir", demoDir], output, error);

        exit.ShouldNotBe(0);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, error.ToString());
        lines[0].ShouldContain($"{Url} is already in use");
        lines[0].ShouldContain("--urls");
        Directory.Exists(demoDir).ShouldBeFalse("nothing was started");
    }

    [Fact]
    public async Task Serving_on_a_taken_port_prints_one_line_naming_urls_and_exits_non_zero()
    {
        var error = new StringWriter();

        var exit = await ServeCommand.RunAsync(["--urls", Url, $"--Eas:DataDir={_dataDir}"], error);

        exit.ShouldBe(ServeCommand.CannotListen);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, error.ToString());
        lines[0].ShouldContain("--urls");
    }
}
