namespace Eas.Actors.Persistence.Journal;

/// <summary>Where the journal and the snapshot store live (bound from configuration by the host).</summary>
public sealed record JournalOptions
{
    /// <summary>The database; SQLite unless a cluster needs one shared by all nodes.</summary>
    public JournalProvider Provider { get; init; } = JournalProvider.Sqlite;

    /// <summary>
    /// The Npgsql connection string, used as given; required for <see cref="JournalProvider.PostgreSql"/>, ignored
    /// for SQLite (whose connection string <see cref="SqliteJournalFile"/> builds).
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// The directory that holds <see cref="SqliteJournalFile.FileName"/>, created if missing; required for
    /// <see cref="JournalProvider.Sqlite"/>, ignored for PostgreSQL.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// How much of the database this node uses at once: recoveries, the PostgreSQL pool, the breakers; null leaves Akka's
    /// and Npgsql's defaults (the start-up import, which must fail fast and whole when the database goes away).
    /// </summary>
    public JournalLoad? Load { get; init; } = JournalLoad.Default;
}
