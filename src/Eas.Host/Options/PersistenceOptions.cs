using Eas.Actors.Persistence.Journal;

namespace Eas.Host.Options;

/// <summary>
/// <c>Eas:Persistence</c>: where the actors' journal and snapshots live. SQLite (<c>eas-journal.db</c> in
/// <see cref="EasOptions.DataDir"/>) needs nothing; a cluster needs one PostgreSQL database shared by all nodes.
/// </summary>
public sealed class PersistenceOptions
{
    /// <summary><c>Sqlite</c> (the default, one node) or <c>PostgreSql</c> (a cluster).</summary>
    public JournalProvider Provider { get; set; } = JournalProvider.Sqlite;

    /// <summary>The Npgsql connection string, for <c>PostgreSql</c>; the database must exist, the tables are created.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Events between two snapshots of an entity; the events behind a snapshot are deleted.</summary>
    public int SnapshotEvery { get; set; } = 100;

    /// <summary>Entities that read their state back from the journal at once on this node (Akka's <c>max-concurrent-recoveries</c>); the rest wait their turn.</summary>
    public int MaxConcurrentRecoveries { get; set; } = JournalLoad.Default.MaxConcurrentRecoveries;

    /// <summary>PostgreSQL connections this node keeps at most, unless the connection string sets <c>Maximum Pool Size</c>; nodes × this must stay under PostgreSQL's <c>max_connections</c>.</summary>
    public int PoolSize { get; set; } = JournalLoad.Default.PoolSize;

    /// <summary>Seconds to open a PostgreSQL connection or wait for one of the pool, unless the connection string sets <c>Timeout</c>.</summary>
    public int ConnectTimeoutSeconds { get; set; } = (int)JournalLoad.Default.ConnectTimeout.TotalSeconds;

    /// <summary>Failed or timed-out journal (or snapshot) calls in a row that open its circuit breaker.</summary>
    public int BreakerMaxFailures { get; set; } = JournalLoad.Default.BreakerMaxFailures;

    /// <summary>Seconds after which a journal or snapshot call counts as failed for the breaker.</summary>
    public int BreakerCallTimeoutSeconds { get; set; } = (int)JournalLoad.Default.BreakerCallTimeout.TotalSeconds;

    /// <summary>Seconds an open breaker fails every call at once before it tries the database again.</summary>
    public int BreakerResetTimeoutSeconds { get; set; } = (int)JournalLoad.Default.BreakerResetTimeout.TotalSeconds;

    /// <summary>The limits above as the journal takes them.</summary>
    public JournalLoad Load() => new()
    {
        MaxConcurrentRecoveries = MaxConcurrentRecoveries,
        PoolSize = PoolSize,
        ConnectTimeout = TimeSpan.FromSeconds(ConnectTimeoutSeconds),
        BreakerMaxFailures = BreakerMaxFailures,
        BreakerCallTimeout = TimeSpan.FromSeconds(BreakerCallTimeoutSeconds),
        BreakerResetTimeout = TimeSpan.FromSeconds(BreakerResetTimeoutSeconds),
    };

    /// <summary>
    /// For tests only, never set in production: how long the import of a pre-2026-12 <c>eas-state.db</c> at start waits
    /// between each stream's events and its snapshot, so a test can kill the process or stop the database part-way.
    /// </summary>
    public TimeSpan ImportTestPause { get; set; }
}
