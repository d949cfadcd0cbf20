using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

/// <summary><c>eas-server top --once</c> against the real server over loopback.</summary>
[Collection(DovecotCollection.Name)]
public sealed class TopCommandTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot, null, null, AdminClient.RootArgs);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Once_prints_one_frame_with_the_commands_of_the_interval_and_the_busiest_device()
    {
        var user = MailboxUser.Create(dovecot, "top");
        var phone = _server.Phone(user.Address, user.Password, "TopPhone", "14.1");
        await phone.ProvisionAsync();

        var top = CliRun.AdminAsync(_server, "top", "--once", "--interval", "1");
        await Task.Delay(300);
        for (var i = 0; i < 3; i++) await phone.PostAsync("FolderSync", MailRequests.FolderSync("0"));
        var result = await top;

        result.Exit.ShouldBe(0, result.Error);
        var frame = result.Output;
        frame.ShouldContain("Requests/s");
        frame.ShouldContain("Parked Pings");
        frame.ShouldContain("FolderSync");
        frame.ShouldContain("TopPhone");
        frame.ShouldContain(user.Address);
        frame.ShouldContain("Working set");
    }

    [Fact]
    public async Task Wrong_credentials_are_exit_code_1()
    {
        var error = new StringWriter();

        var exit = await Eas.Host.Cli.CliCommands.RunAsync(["top", "--once", "--url", _server.Address.ToString(), "--password", "wrong"], new StringWriter(), error);

        exit.ShouldBe(1);
        error.ToString().ShouldContain("401");
    }
}
