using System.Net;
using System.Net.Sockets;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of one port, which a test can take down (connections refused, open ones cut) and
/// bring back up on the same port: an outage of one server for one ServerInstance, without stopping the shared one; or
/// hold (connections accepted but not answered): a server slow to answer.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private TaskCompletionSource _held = Released();

    private TcpRelay(int target) => _target = target;

    /// <summary>The port the relay listens on; the same after <see cref="Down"/> and <see cref="Up"/>.</summary>
    public int Port { get; private set; }

    /// <summary>A relay to <paramref name="targetPort"/> on a free loopback port, up.</summary>
    public static TcpRelay Start(int targetPort)
    {
        var relay = new TcpRelay(targetPort);
        relay.Up();
        return relay;
    }

    /// <summary>Listens again on <see cref="Port"/> (a free one the first time).</summary>
    public void Up()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stop = new CancellationTokenSource();
        _ = AcceptAsync(listener, _stop.Token);
    }

    /// <summary>Stops listening, so connections are refused, and cuts the connections it relays.</summary>
    public void Down()
    {
        _stop?.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    /// <summary>
    /// Holds the connections made from now on: accepted, but connected on to the target only at <see cref="Release"/>, so a
    /// client waits as for a server slow to answer (what it sends meanwhile is delivered then).
    /// </summary>
    public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Connects the held connections on to the target, and every later one at once.</summary>
    public void Release() => _held.TrySetResult();

    public ValueTask DisposeAsync()
    {
        Release();
        Down();
        _stop?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound, stop);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken stop)
    {
        var outbound = new TcpClient();
        lock (_open) _open.AddRange([inbound, outbound]);
        try
        {
            await _held.Task.WaitAsync(stop);
            await outbound.ConnectAsync(IPAddress.Loopback, _target, stop);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), stop);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), stop);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The relay went down or one side hung up: both connections end below.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }

            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
