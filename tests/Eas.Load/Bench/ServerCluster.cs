using System.Diagnostics;
using System.Globalization;
using Eas.Actors.Tests.Support;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// The servers a push bench runs, each a <see cref="ServerProcess"/> on its own free loopback port. One node is the
/// server as it always ran: its state in <c>state/</c>, its log in <c>server.log</c>. Several nodes form one cluster,
/// as tests/Eas.Cluster.Tests starts it: a private PostgreSQL (<see cref="PostgresServer"/>) holds the journal they
/// share, node 1 is the only seed and every node lists it, each has its own cluster port and directory
/// <c>node-N/</c> (state and <c>server.log</c>), and failure detection is loosened for a shared 2-core machine unless
/// the production settings are asked for. <see cref="KillAsync"/> kills one node with SIGKILL.
/// Start returns once every node sees all of them up and one runs the singletons, steadily (its <c>/metrics</c>
/// gauges). Stop sends each node SIGTERM,
/// the last started first, kills what has not exited after the grace period, then stops PostgreSQL.
/// </summary>
internal sealed class ServerCluster : IAsyncDisposable
{
    private static readonly TimeSpan ServerStartTimeout = TimeSpan.FromSeconds(180);
    /// <summary>Several servers start at once on a 2-core machine: each takes longer than one alone.</summary>
    private static readonly TimeSpan NodeStartTimeout = TimeSpan.FromSeconds(120);
    /// <summary>Three nodes form in about 10 s on an idle 2-core machine and in up to 30 s on a busy one; the members gauge is sampled every 5 s.</summary>
    private static readonly TimeSpan FormationTimeout = TimeSpan.FromSeconds(90);
    /// <summary>
    /// How long the formed cluster must stay so before phones come: longer than the 5 s between the gauges' samples,
    /// and time for every node's shard region to register with the coordinator the oldest node has just started.
    /// Shards asked for before a region has registered all go to the others, and sharding later moves them over,
    /// stopping their devices: their Pings end early and their requests wait or fail.
    /// </summary>
    private static readonly TimeSpan Steady = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private readonly List<ServerNode> _nodes;
    private PostgresServer? _journal;

    private ServerCluster(List<ServerNode> nodes, PostgresServer? journal)
    {
        _nodes = nodes;
        _journal = journal;
    }

    /// <summary>The nodes in start order; node 1 is the seed.</summary>
    public IReadOnlyList<ServerNode> Nodes => _nodes;

    /// <summary>Where PostgreSQL's binaries are looked for (Debian's <c>postgresql</c> package), as <see cref="PostgresServer"/> does.</summary>
    public static string PostgresBinary => Path.Combine(PostgresServer.BinDirectory, "postgres");

    /// <summary>
    /// Starts <paramref name="count"/> servers with <paramref name="arguments"/> plus each one's URL, data directory
    /// and, for a cluster, the cluster and journal settings, each under <paramref name="descriptorLimit"/> when given;
    /// returns once they answer (and, for a cluster, have formed). <paramref name="firstPort"/>, when given, is the HTTP
    /// port of the server or of node 1 (Dovecot's push webhook names it before the servers start).
    /// </summary>
    public static async Task<ServerCluster> StartAsync(
        string serverDll, IReadOnlyList<string> arguments, int count, string workDirectory, CancellationToken cancellationToken, int? firstPort = null, long? descriptorLimit = null,
        bool loosened = true)
    {
        if (count == 1)
        {
            var baseUrl = new Uri($"http://127.0.0.1:{firstPort ?? BenchSupport.FreePort()}");
            string[] single = ["--urls", baseUrl.ToString().TrimEnd('/'), $"--Eas:DataDir={Path.Combine(workDirectory, "state")}", .. arguments];
            AnsiConsole.WriteLine($"Server: {Prlimit(descriptorLimit)}dotnet {serverDll} {string.Join(' ', single)}");
            var server = await ServerProcess.StartAsync(serverDll, single, baseUrl, Path.Combine(workDirectory, "server.log"), ServerStartTimeout, cancellationToken, descriptorLimit: descriptorLimit);
            return new ServerCluster([new ServerNode(1, baseUrl, server)], null);
        }

        var journal = new PostgresServer();
        var cluster = new ServerCluster([], journal);
        try
        {
            await journal.InitializeAsync();
            AnsiConsole.WriteLine($"PostgreSQL: 127.0.0.1:{journal.Port}, the journal of {count} nodes");
            var seedPort = BenchSupport.FreePort();
            var starting = Enumerable.Range(1, count)
                .Select(number => StartNodeAsync(serverDll, arguments, number, number == 1 ? firstPort : null, number == 1 ? seedPort : BenchSupport.FreePort(), seedPort, journal.ConnectionString, workDirectory, descriptorLimit, loosened, cancellationToken))
                .ToList();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                cluster._nodes.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).OrderBy(n => n.Number));
            }

            await cluster.WaitUntilFormedAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Node <paramref name="index"/> (0-based) gets SIGKILL; returns once it has exited.</summary>
    public Task KillAsync(int index) => _nodes[index].Process.KillAsync();

    /// <summary>SIGTERM to every node, the last started first, a kill after the grace period; then PostgreSQL. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            var node = _nodes[i];
            var exitCode = await node.Process.StopAsync();
            AnsiConsole.WriteLine(_nodes.Count == 1 && _journal is null ? $"Server stopped (exit code {exitCode})." : $"Node {node.Number} stopped (exit code {exitCode}).");
            await node.Process.DisposeAsync();
        }

        _nodes.Clear();
        if (_journal is { } journal)
        {
            _journal = null;
            await journal.DisposeAsync();
            AnsiConsole.WriteLine("PostgreSQL stopped.");
        }
    }

    private static async Task<ServerNode> StartNodeAsync(
        string serverDll, IReadOnlyList<string> arguments, int number, int? httpPort, int clusterPort, int seedPort, string journal, string workDirectory, long? descriptorLimit, bool loosened,
        CancellationToken cancellationToken)
    {
        var directory = Path.Combine(workDirectory, $"node-{number}");
        Directory.CreateDirectory(directory);
        var baseUrl = new Uri($"http://127.0.0.1:{httpPort ?? BenchSupport.FreePort()}");
        string[] all =
        [
            "--urls", baseUrl.ToString().TrimEnd('/'),
            $"--Eas:DataDir={Path.Combine(directory, "state")}",
            .. arguments,
            "--Eas:Cluster:Host=127.0.0.1",
            $"--Eas:Cluster:Port={clusterPort}",
            $"--Eas:Cluster:Seeds:0=127.0.0.1:{seedPort}",
            .. loosened ? ["--Eas:Cluster:AcceptableHeartbeatPauseSeconds=10", "--Eas:Cluster:StableAfterSeconds=7"] : Array.Empty<string>(),
            "--Eas:Persistence:Provider=PostgreSql",
            $"--Eas:Persistence:ConnectionString={journal}",
        ];
        AnsiConsole.WriteLine($"Node {number}: {Prlimit(descriptorLimit)}dotnet {serverDll} {string.Join(' ', all)}");
        var server = await ServerProcess.StartAsync(serverDll, all, baseUrl, Path.Combine(directory, "server.log"), NodeStartTimeout, cancellationToken, descriptorLimit: descriptorLimit);
        return new ServerNode(number, baseUrl, server);
    }

    private static string Prlimit(long? descriptorLimit) => descriptorLimit is { } limit ? $"prlimit --nofile={limit}:{limit} -- " : "";

    /// <summary>
    /// Until, for <see cref="Steady"/>, every node's <c>eas_cluster_members{status="up"}</c> counts all nodes, its
    /// <c>eas_cluster_unreachable</c> is 0, and exactly one node says <c>eas_cluster_singletons_here</c> 1; a node that
    /// exits meanwhile fails at once with its log.
    /// </summary>
    private async Task WaitUntilFormedAsync(CancellationToken cancellationToken)
    {
        using var http = LoopbackHttp.CreateClient(timeout: TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();
        var steady = new Stopwatch();
        var last = new string[_nodes.Count];
        while (true)
        {
            if (_nodes.FirstOrDefault(n => n.Process.HasExited) is { } exited)
                throw new InvalidOperationException($"Node {exited.Number} exited while the cluster formed:\n{exited.Process.LogTail(40)}");
            var pages = await Task.WhenAll(_nodes.Select(n => PrometheusText.ScrapeAsync(http, n.BaseUrl, cancellationToken)));
            var formed = true;
            var singletons = 0.0;
            for (var i = 0; i < _nodes.Count; i++)
            {
                var page = pages[i] ?? "";
                var up = PrometheusText.Sum(page, "eas_cluster_members", "status", "up");
                var unreachable = PrometheusText.Sum(page, "eas_cluster_unreachable");
                singletons += PrometheusText.Sum(page, "eas_cluster_singletons_here") ?? 0;
                last[i] = string.Create(CultureInfo.InvariantCulture, $"node {_nodes[i].Number} sees {up?.ToString(CultureInfo.InvariantCulture) ?? "?"} up, {unreachable?.ToString(CultureInfo.InvariantCulture) ?? "?"} unreachable");
                formed &= up == _nodes.Count && unreachable == 0;
            }

            formed &= singletons == 1;
            if (!formed) steady.Reset();
            else if (!steady.IsRunning) steady.Start();
            if (steady.Elapsed >= Steady)
            {
                AnsiConsole.WriteLine($"Cluster: {_nodes.Count} nodes up and steady for {Steady.TotalSeconds:0} s, {clock.Elapsed.TotalSeconds:0.0} s after they answered " +
                    $"({string.Join(", ", _nodes.Select(n => $"node {n.Number} {n.BaseUrl.Authority} pid {n.Process.ProcessId}"))})");
                return;
            }

            if (clock.Elapsed > FormationTimeout)
                throw new TimeoutException($"The {_nodes.Count} nodes did not all see each other up within {FormationTimeout.TotalSeconds:0} s: {string.Join("; ", last)}; " +
                    $"singletons on {singletons} nodes.\n{_nodes[0].Process.LogTail(40)}");
            await Task.Delay(Poll, cancellationToken);
        }
    }
}

/// <summary>One server process of a bench: its number (1 is the seed of a cluster), where it answers, the process.</summary>
internal sealed record ServerNode(int Number, Uri BaseUrl, ServerProcess Process)
{
    /// <summary>Where phones send ActiveSync requests to this node.</summary>
    public Uri Endpoint => new(BaseUrl, "/Microsoft-Server-ActiveSync");
}
