using Eas.Mail.LocalRadicale;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// A private Radicale in a temporary directory and a server whose PIM store points at it: the DAV tests' fixture.
/// It can take Radicale away for a while (an outage) and bring it back on the same port and data.
/// </summary>
internal sealed class RadicaleBackedServer : IAsyncDisposable
{
    private readonly string _data;

    private RadicaleBackedServer(string data, RadicaleInstance radicale)
    {
        _data = data;
        Radicale = radicale;
    }

    /// <summary>The running Radicale; a new instance after <see cref="WhileRadicaleDownAsync"/>.</summary>
    public RadicaleInstance Radicale { get; private set; }

    public ServerInstance Server { get; private set; } = null!;

    /// <summary>Starts Radicale, then the server with the arguments <paramref name="serverArgs"/> makes from Radicale's port.</summary>
    public static async Task<RadicaleBackedServer> StartAsync(DovecotFixture dovecot, string directoryPrefix, Func<int, string[]> serverArgs)
    {
        var data = Directory.CreateTempSubdirectory(directoryPrefix).FullName;
        var dav = new RadicaleBackedServer(data, await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = data }));
        dav.Server = await ServerInstance.StartAsync(dovecot, null, serverArgs(dav.Radicale.Port));
        return dav;
    }

    /// <summary>
    /// Runs <paramref name="whileDown"/> with Radicale stopped, then starts it again on the same port and data, also
    /// when the work failed, so the cleanup stops the right process.
    /// </summary>
    public async Task WhileRadicaleDownAsync(Func<Task> whileDown)
    {
        var port = Radicale.Port;
        await Radicale.DisposeAsync();
        try
        {
            await whileDown();
        }
        finally
        {
            Radicale = await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = _data, Port = port });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Radicale.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
