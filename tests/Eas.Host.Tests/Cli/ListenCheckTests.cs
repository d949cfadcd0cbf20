using System.Net;
using System.Net.Sockets;
using Eas.Host.Cli;

namespace Eas.Host.Tests.Cli;

/// <summary>The check that turns a listen address that cannot be bound into one line naming the option to change it.</summary>
public sealed class ListenCheckTests
{
    [Fact]
    public void A_taken_loopback_port_is_one_line_naming_urls_and_a_free_port_is_no_problem()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var problem = ListenCheck.Problem($"http://127.0.0.1:{port}", "--urls");

        problem.ShouldNotBeNull();
        problem.ShouldContain($"http://127.0.0.1:{port} is already in use");
        problem.ShouldContain("--urls");
        problem.ShouldNotContain("\n");
        taken.Stop();
        ListenCheck.Problem($"http://127.0.0.1:{port}", "--urls").ShouldBeNull();
    }

    [Fact]
    public void Every_address_of_a_list_is_checked()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        ListenCheck.Problem($"http://127.0.0.1:0; http://localhost:{port}", "--urls").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "127.0.0.1", 8080)]
    [InlineData("https://localhost", "127.0.0.1", 443)]
    [InlineData("http://[::1]:81/", "::1", 81)]
    [InlineData("https://0.0.0.0:8443", "0.0.0.0", 8443)]
    public void Kestrel_url_forms_map_to_the_address_it_binds(string url, string address, int port)
    {
        ListenCheck.EndPointOf(url).ShouldBe(new IPEndPoint(IPAddress.Parse(address), port));
    }

    [Theory]
    [InlineData("https://*:443")]
    [InlineData("http://+:80")]
    public void Wildcards_are_every_interface(string url)
    {
        var address = ListenCheck.EndPointOf(url)!.Address;
        (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Any)).ShouldBeTrue();
    }

    [Fact]
    public void Host_names_and_port_zero_are_left_to_kestrel()
    {
        ListenCheck.EndPointOf("http://mail.example.com:8080").ShouldBeNull();
        ListenCheck.EndPointOf("http://127.0.0.1:0").ShouldBeNull();
    }

    [Fact]
    public void Kestrels_own_address_in_use_failure_is_described_the_same_way()
    {
        var failure = new IOException("Failed to bind", new SocketException((int)SocketError.AddressAlreadyInUse));

        ListenCheck.Describe(failure, "http://127.0.0.1:8080", "--urls").ShouldNotBeNull().ShouldContain("--urls");
        ListenCheck.Describe(new IOException("disk"), "http://127.0.0.1:8080", "--urls").ShouldBeNull();
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--version")]
    public void Help_and_version_are_answered_instead_of_starting_a_server(string flag)
    {
        CliCommands.IsSubcommand([flag]).ShouldBeTrue();
        CliCommands.IsSubcommand(["--urls", "http://127.0.0.1:8080"]).ShouldBeFalse();
    }
}
