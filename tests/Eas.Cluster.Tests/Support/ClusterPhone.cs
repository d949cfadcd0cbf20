using System.Diagnostics;
using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Cluster.Tests.Support;

/// <summary>
/// A <see cref="SyncingPhone"/> whose requests can be sent to any node, as behind a load balancer that does not
/// keep a user on one node: <see cref="Via"/> picks the node of the next requests. The phone's keys (policy,
/// hierarchy, collections) are its own and go with it from node to node.
/// </summary>
internal sealed class ClusterPhone
{
    /// <summary>How long the phone waits before retrying after a 503, whatever Retry-After says (the server says 30 s).</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    private readonly NodeRouter _router;
    private int _turn;

    private ClusterPhone(MailboxUser user, SyncingPhone phone, NodeRouter router, ClusterNode node)
    {
        User = user;
        Phone = phone;
        _router = router;
        Node = node;
    }

    public MailboxUser User { get; }

    public SyncingPhone Phone { get; }

    public EasTestClient Client => Phone.Client;

    /// <summary>The node the next request goes to.</summary>
    public ClusterNode Node { get; private set; }

    /// <summary>The ServerIds of every Add the phone received through <see cref="SyncOnAsync"/>, in order, duplicates kept.</summary>
    public List<string> Received { get; } = [];

    public override string ToString() => $"{User.Address}/{Client.DeviceId}";

    public static ClusterPhone Create(MailboxUser user, string deviceId, ClusterNode node, string version = "14.1")
    {
        var router = new NodeRouter(node.BaseUrl);
        var http = new HttpClient(router) { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(90) };
        var phone = new SyncingPhone(new EasTestClient(http, user.Address, user.Password, deviceId, version));
        return new ClusterPhone(user, phone, router, node);
    }

    /// <summary>Sends the following requests to <paramref name="node"/>.</summary>
    public ClusterPhone Via(ClusterNode node)
    {
        Node = node;
        _router.Target = node.BaseUrl;
        return this;
    }

    /// <summary>
    /// One command as a phone sends it: through the node it talks to, and, while <paramref name="patience"/> lasts,
    /// again after a refused or reset connection (the node is gone) or a 503 (the server says "try again"), to the
    /// next of <paramref name="nodes"/>, after <see cref="RetryPause"/>. This is the protocol's retry, given only
    /// where a test expects a failover, never to hide a flaky answer: every attempt is counted in
    /// <paramref name="log"/>, and with no patience (the default) the first 503 or lost connection fails the test.
    /// </summary>
    public async Task<EasResponse> SendAsync(
        string command, WbxmlElement? body, IReadOnlyList<ClusterNode> nodes, PhoneLog log, CancellationToken cancellationToken, TimeSpan patience = default)
    {
        var clock = Stopwatch.StartNew();
        var next = Math.Max(0, nodes.ToList().IndexOf(Node));
        while (true)
        {
            Via(nodes[next % nodes.Count]);
            string refusal;
            try
            {
                var response = await Client.PostAsync(command, body).WaitAsync(cancellationToken);
                if (response.Status != HttpStatusCode.ServiceUnavailable) return response;
                refusal = $"503, Retry-After {response.Headers.RetryAfter?.Delta?.TotalSeconds} s";
            }
            catch (HttpRequestException e)
            {
                refusal = $"no answer ({e.HttpRequestError}: {e.Message})";
            }

            log.Refused(this, command, Node, refusal);
            if (clock.Elapsed >= patience)
                throw new ShouldAssertException($"{this}: {command} via {Node}: {refusal}{(patience > TimeSpan.Zero ? $", still after {patience.TotalSeconds:0} s of trying every node" : "")}.");
            next++;
            await Task.Delay(RetryPause, cancellationToken);
        }
    }

    /// <summary>Both Provision phases through <paramref name="node"/>; a failure names the phone and the node.</summary>
    public Task ProvisionAsync(ClusterNode node) => InContextAsync($"Provision via {node}", () => Via(node).Client.ProvisionAsync());

    /// <summary>A FolderSync through <paramref name="node"/> with the phone's hierarchy key; a failure names the phone and the node.</summary>
    public Task<WbxmlElement> FolderSyncAsync(ClusterNode node) => InContextAsync($"FolderSync via {node}", () => Via(node).Phone.FolderSyncAsync());

    /// <summary>
    /// One Sync of <paramref name="collectionId"/> with the key the phone holds, sent as <see cref="SendAsync"/> does;
    /// its Adds are appended to <see cref="Received"/>. Anything but HTTP 200 with Status 1 fails the test: a phone
    /// told its key is unknown (Status 3) or to provision again (449) starts over, which is what must never happen.
    /// </summary>
    public async Task<WbxmlElement> SyncOnAsync(
        string collectionId, IReadOnlyList<ClusterNode> nodes, PhoneLog log, CancellationToken cancellationToken, int windowSize = 5, TimeSpan patience = default)
    {
        var key = Phone.Keys.GetValueOrDefault(collectionId, "0");
        var response = await SendAsync("Sync", MailRequests.Sync(Client.Version, collectionId, key, windowSize), nodes, log, cancellationToken, patience);
        var what = $"{this}: Sync of {collectionId} with key {key} via {Node}";
        response.Status.ShouldBe(HttpStatusCode.OK, what);
        var collection = response.Body.ShouldNotBeNull(what).Element(AirSync.Collections).ShouldNotBeNull(what).Element(AirSync.Collection).ShouldNotBeNull(what);
        collection.ValueOf(AirSync.Status).ShouldBe("1", $"{what} (Status 3 or 12 would make the phone resync everything)");
        Phone.Keys[collectionId] = collection.ValueOf(AirSync.SyncKey)!;
        Received.AddRange(SyncingPhone.AddsOf(collection).Select(add => add.ServerId));
        return collection;
    }

    /// <summary>Syncs <paramref name="collectionId"/> until MoreAvailable stops, each request to the next of <paramref name="nodes"/>.</summary>
    public async Task SyncToEndAsync(
        string collectionId, IReadOnlyList<ClusterNode> nodes, PhoneLog log, CancellationToken cancellationToken, int windowSize = 5, TimeSpan patience = default)
    {
        while (true)
        {
            Via(nodes[_turn++ % nodes.Count]);
            var initial = Phone.Keys.GetValueOrDefault(collectionId, "0") == "0";
            var collection = await SyncOnAsync(collectionId, nodes, log, cancellationToken, windowSize, patience);
            if (!initial && collection.Element(AirSync.MoreAvailable) is null) return;
        }
    }

    private async Task<T> InContextAsync<T>(string what, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (ShouldAssertException e)
        {
            throw new ShouldAssertException($"{this}: {what}: {e.Message}", e);
        }
    }

    /// <summary>Rewrites each request to the node the phone talks to now.</summary>
    private sealed class NodeRouter(Uri target) : DelegatingHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        public Uri Target { get; set; } = target;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(Target, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
