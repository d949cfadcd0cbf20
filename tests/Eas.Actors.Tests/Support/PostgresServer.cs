using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Eas.Actors.Tests.Support;

/// <summary>
/// A private PostgreSQL 15 for one test class (<c>IClassFixture&lt;PostgresServer&gt;</c>): <c>initdb</c> in a temp
/// directory, <c>pg_ctl</c> on a free loopback port (127.0.0.1 only, no Unix socket, trust authentication),
/// fsync off for speed. It can be stopped and started again on the same port and data, for outage tests, and
/// is removed entirely on dispose. Other test projects reuse it by linking this file and
/// <see cref="PostgresFactAttribute"/>.
/// </summary>
/// <remarks>
/// initdb and the server refuse to run as root, so when the tests run as root the directory is given to the
/// <c>postgres</c> user (created by Debian's <c>postgresql</c> package) and the binaries run as that user.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>Where Debian's <c>postgresql-15</c> puts initdb, pg_ctl and postgres.</summary>
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private const string SuperUser = "postgres";
    private const string DefaultDatabase = "eas";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eas-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string? _runAs = Environment.UserName == "root" ? SuperUser : null;
    private bool _running;

    /// <summary>
    /// Why the PostgreSQL tests are skipped, or null when they run. They are skipped only when the binaries are
    /// missing and <c>CI</c> is not <c>true</c>; on CI a missing server fails the fixture instead.
    /// </summary>
    public static string? SkipReason { get; } =
        File.Exists(Path.Combine(BinDirectory, "postgres")) || IsCi
            ? null
            : $"PostgreSQL 15 is not installed ({BinDirectory}/postgres is missing): apt-get install postgresql, as ./test.sh does. With CI=true this is a failure, not a skip.";

    /// <summary>The loopback port, the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>The connection string of the database created at start.</summary>
    public string ConnectionString => ConnectionStringFor(DefaultDatabase);

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogFile => Path.Combine(_directory, "server.log");

    /// <summary>Connection string of one database on this server (no password: trust on loopback).</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = SuperUser,
        Database = database,
        Timeout = 5,
    }.ToString();

    /// <summary>Creates a fresh database, so that tests sharing the server do not see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        if (!File.Exists(Path.Combine(BinDirectory, "postgres")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}/postgres is missing) and CI=true: install the Debian package postgresql (./test.sh does it).");
        }

        Directory.CreateDirectory(_directory);
        if (_runAs is not null)
        {
            await RunAsync("chown", [_runAs, _directory], asServerUser: false);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", DataDirectory, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], asServerUser: true);
        Port = FreeLoopbackPort();
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = ''
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            """);
        await StartAsync();
        await CreateDatabaseAsync(DefaultDatabase);
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port and data.</summary>
    public async Task StartAsync()
    {
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "30"], asServerUser: true);
        _running = true;
    }

    /// <summary>Stops the server (fast shutdown: clients are disconnected, committed data stays).</summary>
    public async Task StopAsync()
    {
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], asServerUser: true);
        _running = false;
    }

    public async Task DisposeAsync()
    {
        if (_running)
        {
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], asServerUser: true);
            _running = false;
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
            UserName = asServerUser ? _runAs : null,
        };
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "";
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with {process.ExitCode}:\n{await output}\n{await error}\n{log}");
        }
    }
}
