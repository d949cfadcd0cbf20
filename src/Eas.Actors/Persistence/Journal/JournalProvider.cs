namespace Eas.Actors.Persistence.Journal;

/// <summary>The database behind the Akka.Persistence.Sql journal and snapshot store.</summary>
public enum JournalProvider
{
    /// <summary>
    /// One SQLite file on the node (Microsoft.Data.Sqlite, linq2db provider <c>SQLite.MS</c>): the single-node
    /// default. Cold recovery of many entities is slow, so clusters use <see cref="PostgreSql"/>.
    /// </summary>
    Sqlite,

    /// <summary>A PostgreSQL 15 server shared by all nodes (Npgsql, linq2db provider <c>PostgreSQL.15</c>).</summary>
    PostgreSql,
}
