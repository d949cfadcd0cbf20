using System.Data.Common;
using System.Globalization;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Eas.Load.Seeding;
using Eas.Mail.LocalDovecot;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// What push-bench and fanout-bench stand on, started the same way for both: a private Dovecot sized for the
/// accounts (<see cref="DovecotOptions.MaxConnections"/>) and, in webhook mode, posting every mail transaction to the
/// server (so the server's port is chosen before either starts); each account with one message written into its
/// maildir; and the Release server as a child process on a free loopback port, or a cluster of them on a private
/// PostgreSQL (<see cref="ServerCluster"/>). <see cref="RunAsync"/> checks first that this tool's descriptors suffice,
/// and stops everything started at the end, also when the deadline passes or the run fails, then removes the work
/// directory unless asked to keep it.
/// </summary>
internal sealed class PushFixture : IAsyncDisposable
{
    /// <summary>Descriptors this tool needs besides its phones' sockets: runtime, Dovecot's and the servers' pipes, the APPEND sessions' spare.</summary>
    public const int DescriptorReserve = 256;

    private DovecotInstance? _dovecot;
    private ServerCluster? _servers;

    private PushFixture(PushFixtureOptions options, string serverDll, string workDirectory)
    {
        Options = options;
        ServerDll = serverDll;
        WorkDirectory = workDirectory;
        Accounts = options.AccountNames();
    }

    public PushFixtureOptions Options { get; }

    public string ServerDll { get; }

    public string WorkDirectory { get; }

    /// <summary>Every account's password, and the webhook's shared secret: made up for this run.</summary>
    public string Password { get; } = "bench-" + Guid.NewGuid().ToString("N");

    public IReadOnlyList<string> Accounts { get; }

    public DovecotInstance Dovecot => _dovecot ?? throw new InvalidOperationException("Dovecot is not running.");

    public ServerCluster Servers => _servers ?? throw new InvalidOperationException("The servers are not running.");

    /// <summary>Dovecot's IMAP endpoint for the bench's own sessions (APPEND).</summary>
    public PlainImap Imap => new("127.0.0.1", Dovecot.ImapPort);

    public string DovecotLogPath => Path.Combine(WorkDirectory, "dovecot", "dovecot.log");

    /// <summary>
    /// Sets up the fixture, hands it to <paramref name="measure"/> and returns its exit code; 2 when this tool would run
    /// out of descriptors for <paramref name="neededDescriptors"/> (<paramref name="forWhat"/> says what needs them), the
    /// server build is missing, or a cluster's PostgreSQL is; 1 when setting up or measuring failed or the deadline passed
    /// before the devices ran.
    /// </summary>
    public static async Task<int> RunAsync(PushFixtureOptions options, int neededDescriptors, string forWhat, RunDeadline deadline, Func<PushFixture, Task<int>> measure)
    {
        AnsiConsole.WriteLine("Machine: " + MachineInfo.Read().Describe());
        if (!DescriptorsSuffice(neededDescriptors, forWhat)) return 2;
        if (!options.Webhook) InotifyLimit.Report(options.Accounts);
        if (BenchSupport.LocateServer(options.ServerDll) is not { } serverDll) return 2;
        if (options.Nodes > 1 && !File.Exists(ServerCluster.PostgresBinary))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] --nodes {options.Nodes} needs PostgreSQL 15 for the cluster's journal, and {ServerCluster.PostgresBinary} is missing: apt-get install postgresql.");
            return 2;
        }

        await using var fixture = new PushFixture(options, serverDll, BenchSupport.CreateWorkDirectory($"eas-{options.Command.Replace("-bench", "", StringComparison.Ordinal)}-"));
        try
        {
            await fixture.StartAsync(deadline.Token);
            return await measure(fixture);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or TimeoutException or IOException or DbException || PlainImap.IsFailure(e))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{options.Command} failed:[/] {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Stopped before the devices were running:[/] {deadline.StopReason}");
            return 1;
        }
    }

    /// <summary>Stops the servers (SIGTERM, the last node first), then Dovecot; safe to call twice.</summary>
    public async Task StopProcessesAsync()
    {
        if (_servers is { } servers)
        {
            _servers = null;
            await servers.DisposeAsync();
        }

        if (_dovecot is { } dovecot)
        {
            _dovecot = null;
            await dovecot.DisposeAsync();
            AnsiConsole.WriteLine("Dovecot stopped.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessesAsync();
        BenchSupport.RemoveWorkDirectory(WorkDirectory, Options.KeepData, Options.Nodes > 1
            ? "Dovecot and its log, maildirs, each node's state and log"
            : "Dovecot and its log, maildirs, server state and log");
    }

    private async Task StartAsync(CancellationToken token)
    {
        // Webhook mode: Dovecot names the server's URL before either starts, so the server's port is chosen first. In a
        // cluster Dovecot posts to node 1, and node 1 tells the account's mailbox through the shard region.
        int? serverPort = Options.Webhook ? BenchSupport.FreePort() : null;
        _dovecot = await DovecotInstance.StartAsync(new DovecotOptions
        {
            DataDirectory = Path.Combine(WorkDirectory, "dovecot"),
            MaxConnections = Options.ImapSessions,
            PushWebhook = serverPort is { } port ? new DovecotPushWebhook(new Uri($"http://127.0.0.1:{port}/push/dovecot"), Password) : null,
        }, token);
        AnsiConsole.WriteLine($"Dovecot: 127.0.0.1:{_dovecot.ImapPort}, sized for {Options.ImapSessions:N0} IMAP sessions, data {_dovecot.DataDirectory}");
        await CreateAccountsAsync(_dovecot, token);

        AnsiConsole.WriteLine($"Push: {Options.PushDescription}");
        _servers = await ServerCluster.StartAsync(ServerDll, Options.ServerArguments(_dovecot.ImapPort, Password), Options.Nodes, WorkDirectory, token, serverPort, Options.ServerNofile, Options.LoosenedDetector);
        foreach (var node in _servers.Nodes)
        {
            AnsiConsole.WriteLine($"{(Options.Nodes > 1 ? $"Node {node.Number}" : "Server")}: pid {node.Process.ProcessId}, log {node.Process.LogPath}{(Options.KeepData ? "" : " (removed at the end unless --keep-data)")}");
        }
    }

    /// <summary>Adds each account to Dovecot with one message in its maildir.</summary>
    private async Task CreateAccountsAsync(DovecotInstance dovecot, CancellationToken token)
    {
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("creating accounts (one message each)", maxValue: Accounts.Count);
                foreach (var account in Accounts)
                {
                    dovecot.AddUser(account, Password);
                    var message = new MessageFactory(account, 2_000, 1).Create(0);
                    var path = await dovecot.DeliverAsync(account, message.Bytes, message.Seen, token);
                    File.SetLastWriteTimeUtc(path, message.Date.UtcDateTime);
                    task.Increment(1);
                }

                task.StopTask();
            });
    }

    /// <summary>
    /// Every phone's connection is a socket of this process; refuses (with the reason written) when
    /// <paramref name="needed"/> descriptors would not fit under its limit.
    /// </summary>
    private static bool DescriptorsSuffice(int needed, string forWhat)
    {
        var own = ProcessSnapshot.Read(Environment.ProcessId);
        AnsiConsole.WriteLine($"Descriptors: this tool may open {Figure(own.FileLimit)} (hard limit {Figure(own.FileLimitHard)}); {forWhat} need about {needed:N0}.");
        if (own.FileLimit is not { } limit || needed <= limit) return true;
        AnsiConsole.MarkupLineInterpolated(
            $"[red]Refused:[/] {forWhat} need about {needed:N0} descriptors in this process, over its limit of {limit:N0}; raise `ulimit -n` (up to the hard limit) or run fewer.");
        return false;
    }

    private static string Figure(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";
}
