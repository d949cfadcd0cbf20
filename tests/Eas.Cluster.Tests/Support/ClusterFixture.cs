using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Eas.Integration.Tests.Support;

namespace Eas.Cluster.Tests.Support;

/// <summary>
/// A real cluster of server processes on loopback, for one test: node 1 is the only seed and every node lists it,
/// as the sample cluster configuration does. Each node has its own HTTP port, cluster port and data directory,
/// signs phones in against the shared Dovecot, and is given the PostgreSQL journal settings of the test's own
/// database. Failure detection is loosened for a shared 2-core machine (10 s acceptable heartbeat pause, split
/// brain resolver stable after 7 s). Every process is killed on dispose; the directory with the nodes' logs is
/// kept, and its path printed, when the test failed.
/// </summary>
internal sealed class ClusterFixture : IAsyncDisposable
{
    /// <summary>The admin the nodes are configured with (<c>Eas:Admin:Users</c>).</summary>
    public const string Admin = AdminClient.Root;

    /// <summary>Three nodes form in about 10 s on an idle 2-core machine and in up to 30 s on a busy one.</summary>
    private static readonly TimeSpan FormationTimeout = TimeSpan.FromSeconds(60);

    private readonly DovecotFixture _dovecot;
    private readonly string _journal;
    private readonly ClusterSpec _spec;
    private readonly List<ClusterNode> _nodes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public ClusterFixture(DovecotFixture dovecot, string journalConnectionString, ClusterSpec spec)
    {
        _dovecot = dovecot;
        _journal = journalConnectionString;
        _spec = spec;
        Directory.CreateDirectory(Root);
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Admin}:{AdminClient.RootPassword}")));
    }

    /// <summary>The server the nodes run: the host build of this configuration, or <c>EAS_SERVER_DLL</c>.</summary>
    public static string ServerDll { get; } =
        Environment.GetEnvironmentVariable("EAS_SERVER_DLL") is { Length: > 0 } overridden
            ? overridden
            : typeof(ClusterFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerDll").Value!;

    /// <summary>The test's directory: one subdirectory per node with its data and its <c>server.log</c>.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "eas-cluster-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Every node started so far, killed or not, in start order.</summary>
    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    /// <summary>The nodes that run and have joined: where phones may send requests.</summary>
    public IReadOnlyList<ClusterNode> Running => [.. _nodes.Where(n => n.IsRunning && !_joining.Contains(n))];

    /// <summary>Nodes started but not yet seen up by every node: they are asked for their view, not sent phones.</summary>
    private readonly HashSet<ClusterNode> _joining = [];

    /// <summary>Set by the test harness when the test failed: the logs stay on disk.</summary>
    public bool KeepFiles { get; set; }

    /// <summary>Starts <see cref="ClusterSpec.Nodes"/> nodes at once and waits until every one sees all of them up and serves.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ServerDll))
            throw new InvalidOperationException($"The server is not built at {ServerDll}: build tests/Eas.Cluster.Tests (it builds src/Eas.Host) or set EAS_SERVER_DLL.");
        var seedPort = FreeLoopbackPort();
        var starting = Enumerable.Range(0, _spec.Nodes).Select(i => StartProcess(i == 0 ? seedPort : FreeLoopbackPort(), seedPort)).ToList();
        await WaitUntilFormedAsync(starting, cancellationToken);
        await WaitUntilServingAsync(starting, cancellationToken);
    }

    /// <summary>
    /// Adds a node that joins through the same seed, and waits until every running node sees every running node up.
    /// Node 1 is the only seed, so it must still be running: a joining node knows no other way in.
    /// </summary>
    public async Task<ClusterNode> StartNodeAsync(CancellationToken cancellationToken)
    {
        if (!_nodes[0].IsRunning) throw new InvalidOperationException("Node 1, the only seed, is gone: a new node could not join.");
        var node = StartProcess(FreeLoopbackPort(), _nodes[0].ClusterPort);
        await WaitUntilFormedAsync([node], cancellationToken);
        await WaitUntilServingAsync([node], cancellationToken);
        return node;
    }

    /// <summary>SIGKILL: the node vanishes without leaving the cluster; the others find out through failure detection.</summary>
    public Task KillAsync(ClusterNode node) => node.KillAsync();

    /// <summary>The admin API of one node, as an operator's script calls it.</summary>
    public AdminClient AdminOf(ClusterNode node) => new(new HttpClient { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(30) }, Admin, AdminClient.RootPassword);

    /// <summary>
    /// <c>GET /admin/api/cluster</c> of one node; null while it does not listen (starting, dying, dead). Any answer but
    /// 200 is a broken node, and fails the test at once rather than after a formation timeout.
    /// </summary>
    public async Task<ClusterView?> ViewAsync(ClusterNode node, CancellationToken cancellationToken)
    {
        if (!node.IsRunning) return null;
        try
        {
            using var response = await _http.GetAsync(new Uri(node.BaseUrl, "/admin/api/cluster"), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{node} answered GET /admin/api/cluster with {(int)response.StatusCode}: {text}");
            return ClusterView.Parse(text);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary>The views of every running node; a node that does not answer is left out.</summary>
    public async Task<IReadOnlyList<(ClusterNode Node, ClusterView View)>> ViewsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ClusterNode> running = [.. _nodes.Where(n => n.IsRunning)];
        var views = await Task.WhenAll(running.Select(node => ViewAsync(node, cancellationToken)));
        var answered = new List<(ClusterNode, ClusterView)>();
        for (var i = 0; i < running.Count; i++)
        {
            if (views[i] is { } view) answered.Add((running[i], view));
        }

        return answered;
    }

    /// <summary>
    /// Polls the running nodes' views every 250 ms until <paramref name="condition"/> holds, and returns those views;
    /// after <paramref name="timeout"/> fails with <paramref name="what"/> and what each node said last.
    /// </summary>
    public async Task<IReadOnlyList<(ClusterNode Node, ClusterView View)>> WaitForAsync(
        string what, Func<IReadOnlyList<(ClusterNode Node, ClusterView View)>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var views = await ViewsAsync(cancellationToken);
            if (condition(views)) return views;
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Not within {timeout.TotalSeconds:0} s: {what}. Last views:\n{string.Join('\n', views.Select(v => $"  {v.Node}: {v.View}"))}");
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>
    /// The node that runs the license and directory singletons, once every running node sees only running members,
    /// all up, and agrees which of them is the oldest, and exactly that node says the singletons run there.
    /// </summary>
    public async Task<ClusterNode> SingletonHostAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var running = Running;
        var addresses = running.Select(n => n.Address).ToHashSet(StringComparer.Ordinal);
        var views = await WaitForAsync(
            $"the {running.Count} running nodes see each other up, agree on the oldest, and only it runs the singletons",
            views => views.Count == running.Count
                && views.All(v => v.View.Members.Count == running.Count && v.View.UpAndReachable.ToHashSet(StringComparer.Ordinal).SetEquals(addresses))
                && views.All(v => v.View.Members.Count(m => m.Oldest) == 1)
                && views.Select(v => v.View.Members.First(m => m.Oldest).Address).Distinct().Count() == 1
                && views.Count(v => v.View.SingletonsHere) == 1
                && views.Single(v => v.View.SingletonsHere).View.SelfAddress == views[0].View.Members.First(m => m.Oldest).Address,
            timeout,
            cancellationToken);
        return views.Single(v => v.View.SingletonsHere).Node;
    }

    /// <summary>The last lines of every node's log, and where the whole logs are.</summary>
    public string DescribeLogs(int lines = 60)
    {
        var text = new StringBuilder($"Node logs are in {Root}\n");
        foreach (var node in _nodes)
            text.Append($"---- {node}, {(node.IsRunning ? "running" : "stopped")}, {node.LogPath}\n{node.LogTail(lines)}\n");
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        _http.Dispose();
        if (KeepFiles) return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ClusterNode StartProcess(int clusterPort, int seedPort)
    {
        var number = _nodes.Count + 1;
        var directory = Path.Combine(Root, $"node-{number}");
        Directory.CreateDirectory(directory);
        var baseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        string[] arguments =
        [
            "--urls", baseUrl.ToString().TrimEnd('/'),
            $"--Eas:DataDir={Path.Combine(directory, "data")}",
            $"--Eas:DefaultDomain={DovecotFixture.Domain}",
            "--Eas:Imap:Host=127.0.0.1",
            $"--Eas:Imap:Port={_dovecot.Dovecot.ImapPort}",
            "--Eas:Imap:Security=None",
            "--Eas:LogLevel=Information",
            $"--Eas:Admin:Users:{Admin}={AdminClient.RootPassword}",
            $"--Eas:License:ActiveSyncMailboxCount={_spec.LicensedAccounts}",
            "--Eas:Cluster:Host=127.0.0.1",
            $"--Eas:Cluster:Port={clusterPort}",
            $"--Eas:Cluster:Seeds:0=127.0.0.1:{seedPort}",
            "--Eas:Cluster:AcceptableHeartbeatPauseSeconds=10",
            "--Eas:Cluster:StableAfterSeconds=7",
            "--Eas:Persistence:Provider=PostgreSql",
            $"--Eas:Persistence:ConnectionString={_journal}",
            "--Eas:Ping:MinHeartbeatSeconds=1",
            $"--Eas:Requests:CommandDeadlineSeconds={_spec.CommandDeadlineSeconds}",
            .. _spec.ExtraArguments,
        ];
        var node = ClusterNode.Start(number, ServerDll, arguments, baseUrl, clusterPort, Path.Combine(directory, "server.log"));
        _nodes.Add(node);
        _joining.Add(node);
        return node;
    }

    /// <summary>Waits until every running node sees every running node up; a node that exits meanwhile fails at once with its log.</summary>
    private async Task WaitUntilFormedAsync(IReadOnlyList<ClusterNode> starting, CancellationToken cancellationToken)
    {
        var expected = _nodes.Where(n => n.IsRunning).Select(n => n.Address).ToHashSet(StringComparer.Ordinal);
        await WaitForAsync(
            $"every running node sees {expected.Count} members up and reachable",
            views =>
            {
                if (starting.FirstOrDefault(n => !n.IsRunning) is { } exited)
                    throw new InvalidOperationException($"{exited} exited during start-up:\n{exited.LogTail(40)}");
                return views.Count == expected.Count && views.All(v => v.View.UpAndReachable.ToHashSet(StringComparer.Ordinal).SetEquals(expected));
            },
            FormationTimeout,
            cancellationToken);
        _joining.ExceptWith(starting);
    }

    /// <summary>The account the readiness probe asks about; its entity, and its shard, exist in every test cluster.</summary>
    public const string ReadinessAccount = "readiness@" + DovecotFixture.Domain;

    /// <summary>
    /// Waits until each of <paramref name="starting"/> reaches an account entity through its shard region: members up is
    /// not yet a node that serves, and on a busy machine its region may register with the shard coordinator only seconds
    /// later, answering 503 with Retry-After meanwhile, as it should. The probe is the admin's removal of a device that
    /// does not exist (404 from the device's entity, nothing changed, no license slot taken), asked again after each
    /// 503; a load balancer's readiness check waits the same way. The scenarios then start on a cluster that serves, and
    /// their own requests get no retries.
    /// </summary>
    private async Task WaitUntilServingAsync(IReadOnlyList<ClusterNode> starting, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var node in starting)
        {
            while (true)
            {
                using var response = await AdminOf(node).SendAsync(HttpMethod.Delete, $"/accounts/{ReadinessAccount}/devices/NoSuchDevice{node.Number}");
                if (response.StatusCode == HttpStatusCode.NotFound) break;
                response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{node} answers the readiness probe: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                clock.Elapsed.ShouldBeLessThan(FormationTimeout, $"{node} still reaches no account entity");
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The shape of a test cluster.</summary>
internal sealed record ClusterSpec
{
    /// <summary>Nodes started at once.</summary>
    public int Nodes { get; init; } = 3;

    /// <summary><c>Eas:License:ActiveSyncMailboxCount</c>: every account of a test fits unless the test is about the license.</summary>
    public int LicensedAccounts { get; init; } = 1000;

    /// <summary>
    /// <c>Eas:Requests:CommandDeadlineSeconds</c>: how long an edge waits for an entity before answering 503. Short, so
    /// an ask lost to a dead node costs a phone seconds, not the default minute.
    /// </summary>
    public int CommandDeadlineSeconds { get; init; } = 15;

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
