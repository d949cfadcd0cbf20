using System.Globalization;

namespace Eas.Load.Bench;

/// <summary>
/// What a push bench asks of its <see cref="PushFixture"/>: the command's name (for its messages and its work directory
/// <c>/tmp/eas-NAME-*</c>), the accounts (<c>PREFIX00000@ox.io</c>, ...) and the IMAP sessions Dovecot must take at once,
/// how the server hears of changes (<see cref="Webhook"/>: Dovecot's push_notification plugin posts to it; else a
/// watcher session per account), how many server processes (<see cref="Nodes"/>: more than one is a cluster on a
/// private PostgreSQL), the Ping heartbeat the server must allow, the server's log level, build, descriptor limit and
/// command-session idle time when given, and whatever else the command passes the server.
/// </summary>
internal sealed record PushFixtureOptions(
    string Command, string AccountPrefix, int Accounts, int ImapSessions, bool Webhook, int Nodes, int HeartbeatSeconds,
    string ServerLogLevel, string? ServerDll, bool KeepData)
{
    public const string Domain = "ox.io";

    /// <summary>The descriptor limit each server runs under (prlimit); null keeps this tool's.</summary>
    public long? ServerNofile { get; init; }

    /// <summary><c>Eas:Imap:CommandSessionIdleSeconds</c> given to each server; null leaves the server's own setting.</summary>
    public int? CommandSessionIdleSeconds { get; init; }

    /// <summary>A cluster's failure detection loosened for a shared 2-core machine, as the cluster tests run it; false keeps the server's production defaults.</summary>
    public bool LoosenedDetector { get; init; } = true;

    /// <summary>More <c>--Eas:...</c> arguments for each server.</summary>
    public IReadOnlyList<string> ExtraServerArguments { get; init; } = [];

    /// <summary>The account names, <c>PREFIX00000@ox.io</c> and on.</summary>
    public IReadOnlyList<string> AccountNames() =>
        [.. Enumerable.Range(0, Accounts).Select(i => string.Create(CultureInfo.InvariantCulture, $"{AccountPrefix}{i:D5}@{Domain}"))];

    /// <summary>
    /// The server's arguments against the private Dovecot on <paramref name="imapPort"/>: plain IMAP on loopback, Ping
    /// heartbeats bounded so that <see cref="HeartbeatSeconds"/> is allowed (MS-ASCMD 2.2.3.79.1: the server's bounds
    /// would otherwise answer Status 5), a license for every account, and in webhook mode the mode and its shared
    /// <paramref name="secret"/> (the one Dovecot sends).
    /// </summary>
    public IReadOnlyList<string> ServerArguments(int imapPort, string secret) =>
    [
        $"--Eas:DefaultDomain={Domain}",
        "--Eas:Imap:Host=127.0.0.1",
        string.Create(CultureInfo.InvariantCulture, $"--Eas:Imap:Port={imapPort}"),
        "--Eas:Imap:Security=None",
        string.Create(CultureInfo.InvariantCulture, $"--Eas:Ping:MinHeartbeatSeconds={Math.Min(60, HeartbeatSeconds)}"),
        string.Create(CultureInfo.InvariantCulture, $"--Eas:Ping:MaxHeartbeatSeconds={Math.Max(3540, HeartbeatSeconds)}"),
        $"--Eas:LogLevel={ServerLogLevel}",
        string.Create(CultureInfo.InvariantCulture, $"--Eas:License:ActiveSyncMailboxCount={Accounts}"),
        .. CommandSessionIdleSeconds is { } idle ? [string.Create(CultureInfo.InvariantCulture, $"--Eas:Imap:CommandSessionIdleSeconds={idle}")] : Array.Empty<string>(),
        .. Webhook ? ["--Eas:Push:Mode=Webhook", $"--Eas:Push:Webhook:Secret={secret}"] : Array.Empty<string>(),
        .. ExtraServerArguments,
    ];

    /// <summary>How the server hears of changes, for the console.</summary>
    public string PushDescription => Webhook
        ? Nodes > 1
            ? "webhook (Dovecot's push_notification plugin posts to node 1, which forwards to the account's mailbox on whichever node holds it; no watcher sessions)"
            : "webhook (Dovecot's push_notification plugin posts to the server; no watcher sessions)"
        : "imap (a watcher session per account)";

    /// <summary>The name of server node <paramref name="number"/> in messages: "server" when there is one.</summary>
    public string NodeName(int number) => Nodes > 1 ? $"node {number}" : "server";
}
