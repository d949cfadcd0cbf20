using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// The one address a collection's Dovecot posts its push notifications to (the <c>eas_push_url</c> of
/// config/dovecot/eas-push.lua), for a collection whose Dovecot serves many servers at once (each test class starts
/// its own). Every post is forwarded as it came, body and <c>X-Eas-Push-Secret</c> untouched, to
/// <c>POST /push/dovecot</c> of every server registered here, all in parallel, and Dovecot is answered once each has
/// answered or timed out: 204 when all took it, 502 when one did not. A server that does not serve the post's user
/// takes it harmlessly (its endpoint answers 204 and no mailbox wakes for an account it does not run), so no routing
/// table is kept; a server that is down costs its own post only.
/// </summary>
internal sealed class DovecotPushRelay : IAsyncDisposable
{
    /// <summary>The server's webhook path (src/Eas.Host/Endpoints/DovecotPush), written here as the contract.</summary>
    public const string PushPath = "/push/dovecot";

    public const string SecretHeader = "X-Eas-Push-Secret";

    /// <summary>How long one server may take to answer; Dovecot's own wait (<see cref="DovecotWait"/>) covers it.</summary>
    public static readonly TimeSpan ForwardTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long Dovecot waits for the relay: above <see cref="ForwardTimeout"/>, so a slow server never makes Dovecot drop a post.</summary>
    public static readonly TimeSpan DovecotWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<long, Target> _targets = new();
    private readonly HttpClient _client;
    private WebApplication _app = null!;
    private long _registrations;

    private DovecotPushRelay()
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = ForwardTimeout };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Where Dovecot posts: <c>http://127.0.0.1:{port}/push/dovecot</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>A relay listening on a free loopback port, with no server registered yet.</summary>
    public static async Task<DovecotPushRelay> StartAsync()
    {
        var relay = new DovecotPushRelay();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost(PushPath, relay.RelayAsync);
        await app.StartAsync();
        relay._app = app;
        relay.Url = new Uri(new Uri(app.Urls.First()), PushPath);
        return relay;
    }

    /// <summary>Forwards every later post to <paramref name="server"/> until the returned target is disposed.</summary>
    public Target Register(Uri server)
    {
        var id = Interlocked.Increment(ref _registrations);
        var target = new Target(new Uri(server, PushPath), () => _targets.TryRemove(id, out _));
        _targets[id] = target;
        return target;
    }

    private async Task RelayAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var payload = body.ToArray();
        var contentType = context.Request.ContentType;
        var secret = context.Request.Headers[SecretHeader].ToString();
        var delivered = await Task.WhenAll(_targets.Values.Select(target => ForwardAsync(target, payload, contentType, secret)));
        context.Response.StatusCode = delivered.All(ok => ok) ? StatusCodes.Status204NoContent : StatusCodes.Status502BadGateway;
    }

    private async Task<bool> ForwardAsync(Target target, byte[] payload, string? contentType, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(payload) };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (secret.Length > 0) request.Headers.Add(SecretHeader, secret);
        using var deadline = new CancellationTokenSource(ForwardTimeout);
        try
        {
            using var response = await _client.SendAsync(request, deadline.Token);
            return target.Count(response.IsSuccessStatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return target.Count(delivered: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _client.Dispose();
    }

    /// <summary>One registered server: how many posts it took (2xx) and how many it refused or never answered.</summary>
    public sealed class Target(Uri url, Action unregister) : IDisposable
    {
        private int _delivered;
        private int _failed;

        public Uri Url { get; } = url;

        public int Delivered => Volatile.Read(ref _delivered);

        public int Failed => Volatile.Read(ref _failed);

        internal bool Count(bool delivered)
        {
            if (delivered) Interlocked.Increment(ref _delivered);
            else Interlocked.Increment(ref _failed);
            return delivered;
        }

        /// <summary>Stops forwarding to this server.</summary>
        public void Dispose() => unregister();
    }
}
