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

    /// <summary>
    /// For tests only, never set in production: how long the import of a pre-2026-12 <c>eas-state.db</c> at start waits
    /// between each stream's events and its snapshot, so a test can kill the process or stop the database part-way.
    /// </summary>
    public TimeSpan ImportTestPause { get; set; }
}
