using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Eas.Mail.LocalRadicale;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.LocalRadicale;

[SupportedOSPlatform("linux")]
public sealed class RadicaleInstanceTests(RadicaleFixture radicale) : IClassFixture<RadicaleFixture>
{
    [Fact]
    public async Task A_user_added_while_it_runs_signs_in_at_once_and_reaches_only_their_own_home()
    {
        var (user, password) = radicale.NewUser("own");
        var (other, _) = radicale.NewUser("other");

        using var own = await radicale.OtherClientAsync(new HttpMethod("PROPFIND"), user, password, "");
        using var foreign = await radicale.OtherClientAsync(new HttpMethod("PROPFIND"), user, password, $"../{other}/");
        using var wrong = await radicale.OtherClientAsync(new HttpMethod("PROPFIND"), user, "wrong", "");

        own.StatusCode.ShouldBe(HttpStatusCode.MultiStatus);
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void It_listens_on_loopback_only_with_a_private_configuration()
    {
        File.ReadAllText(radicale.Radicale.ConfigPath).ShouldContain($"hosts = 127.0.0.1:{radicale.Radicale.Port}");
        File.GetUnixFileMode(radicale.Radicale.ConfigPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.Combine(radicale.Radicale.DataDirectory, "users")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Disposing_stops_it_and_frees_its_port()
    {
        var directory = Directory.CreateTempSubdirectory("eas-radicale-").FullName;
        try
        {
            var instance = await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = directory });
            var port = instance.Port;

            await instance.DisposeAsync();

            using var client = new TcpClient();
            await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Without_radicale_installed_it_says_how_to_install_it()
    {
        var failure = await Should.ThrowAsync<FileNotFoundException>(() =>
            RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = "/tmp/unused", ExecutablePath = "/nonexistent/radicale" }));

        failure.Message.ShouldContain("apt-get install radicale");
    }
}
