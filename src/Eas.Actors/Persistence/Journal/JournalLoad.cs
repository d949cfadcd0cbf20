using System.Globalization;
using Npgsql;

namespace Eas.Actors.Persistence.Journal;

/// <summary>
/// How much of the journal's database one node may use at once, so that a node's death does not start a recovery
/// storm on the survivors: the dead node's entities all start at once on them, each reading its snapshot and events
/// back, while the phones retry.
/// </summary>
/// <remarks>
/// <para>
/// Akka.Persistence lets <see cref="MaxConcurrentRecoveries"/> entities recover at once and queues the rest
/// (<c>akka.persistence.max-concurrent-recoveries</c>, 50 by default); each recovery holds one connection at a time. A
/// circuit breaker guards the journal's and the snapshot store's calls (<c>circuit-breaker</c>: after
/// <see cref="BreakerMaxFailures"/> failures or calls over <see cref="BreakerCallTimeout"/> in a row, every call fails
/// at once for <see cref="BreakerResetTimeout"/>; Akka's defaults are 10 / 10 s / 30 s for the journal and
/// 5 / 20 s / 60 s for snapshots): under a storm those defaults turned slow connects into 30-60 s of 503s for every
/// entity of the node.
/// </para>
/// <para>
/// PostgreSQL: Npgsql's pool opens up to <c>Maximum Pool Size</c> connections (100 by default) per node, and PostgreSQL
/// forks a backend for each; three nodes at 100 each outrun PostgreSQL's default <c>max_connections</c> of 100, and
/// many connects at once on a busy host outrun the connect <c>Timeout</c>. <see cref="Tune"/> fills in
/// <see cref="PoolSize"/> and <see cref="ConnectTimeout"/> where the connection string does not set them.
/// </para>
/// </remarks>
public sealed record JournalLoad
{
    public static readonly JournalLoad Default = new();

    /// <summary>Entities that read their state back at once on this node; the others wait their turn.</summary>
    public int MaxConcurrentRecoveries { get; init; } = 16;

    /// <summary>PostgreSQL connections this node keeps at most (Npgsql's <c>Maximum Pool Size</c>).</summary>
    public int PoolSize { get; init; } = 24;

    /// <summary>How long opening a PostgreSQL connection, or waiting for one of the pool, may take (Npgsql's <c>Timeout</c>).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Failed or timed-out calls in a row that open the breaker.</summary>
    public int BreakerMaxFailures { get; init; } = 10;

    /// <summary>A journal or snapshot call slower than this counts as a failure for the breaker.</summary>
    public TimeSpan BreakerCallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker fails calls at once before it lets one through to try the database again.</summary>
    public TimeSpan BreakerResetTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <paramref name="connectionString"/> with <see cref="PoolSize"/> as its <c>Maximum Pool Size</c> and
    /// <see cref="ConnectTimeout"/> as its <c>Timeout</c>, each only where the string does not set it itself.
    /// </summary>
    public string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "maximumpoolsize", "maxpoolsize")) builder.MaxPoolSize = PoolSize;
        if (!Names(connectionString, "timeout")) builder.Timeout = (int)Math.Ceiling(ConnectTimeout.TotalSeconds);
        return builder.ConnectionString;
    }

    /// <summary>The HOCON of the limits: recoveries at once, and the breakers of the journal and the snapshot store.</summary>
    public string Hocon()
    {
        var breaker = string.Create(CultureInfo.InvariantCulture,
            $"circuit-breaker {{ max-failures = {BreakerMaxFailures}, call-timeout = {BreakerCallTimeout.TotalMilliseconds:0}ms, reset-timeout = {BreakerResetTimeout.TotalMilliseconds:0}ms }}");
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka.persistence.max-concurrent-recoveries = {{MaxConcurrentRecoveries}}
            akka.persistence.journal.sql.{{breaker}}
            akka.persistence.snapshot-store.sql.{{breaker}}
            """);
    }

    /// <summary>
    /// Whether the string sets one of <paramref name="keys"/> (lower case, without spaces, as Npgsql compares them); parsed by
    /// the framework's connection-string parser, so quoted values containing <c>;</c> or <c>=</c> do not confuse it.
    /// </summary>
    private static bool Names(string connectionString, params string[] keys) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .Any(keys.Contains);
}
