using Eas.Load.Safety;

namespace Eas.Load.Push;

/// <summary>
/// One HTTP client per simulated phone, each with at most one connection per server, as a phone holds one: its setup
/// requests and its Ping go over the same connection. A shared pool would open spare connections when requests
/// overlap and keep them idle, each taking a place under the server's connection cap that no phone uses.
/// </summary>
internal sealed class DeviceConnections(TimeSpan timeout) : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    /// <summary>A new phone's client.</summary>
    public HttpClient Create()
    {
        var client = LoopbackHttp.CreateClient(maxConnections: 1, timeout);
        _clients.Add(client);
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
        _clients.Clear();
    }
}
