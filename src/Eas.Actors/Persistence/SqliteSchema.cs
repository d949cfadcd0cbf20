using Microsoft.Data.Sqlite;

namespace Eas.Actors.Persistence;

/// <summary>
/// The store's schema as an ordered list of migrations; <c>schema_version</c> records each one applied.
/// A migration is appended, never edited, once it has shipped.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>
    /// Version 1. <c>state.data</c> NULL is a tombstone: a deleted state keeps its row and version so that
    /// versions never repeat for one id. Timestamps are Unix milliseconds, UTC.
    /// </summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE state (
            kind        TEXT    NOT NULL,
            id          TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            data        BLOB,
            updated_utc INTEGER NOT NULL,
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;
        CREATE TABLE events (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            kind         TEXT    NOT NULL,
            id           TEXT    NOT NULL,
            event_type   TEXT    NOT NULL,
            data         BLOB    NOT NULL,
            actor        TEXT    NOT NULL,
            occurred_utc INTEGER NOT NULL
        );
        CREATE INDEX events_by_entity ON events (kind, id, seq);
        """,
    ];

    public static int Latest => Migrations.Length;

    /// <summary>Brings the database to <see cref="Latest"/>, each migration in its own transaction.</summary>
    public static (int Before, int After) Migrate(SqliteConnection connection, TimeProvider clock)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_utc INTEGER NOT NULL)");
        var current = CurrentVersion(connection);
        if (current > Latest)
        {
            throw new InvalidOperationException(
                $"The state database has schema version {current}; this build knows only up to {Latest}. Run a newer build.");
        }

        for (var version = current + 1; version <= Latest; version++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, Migrations[version - 1]);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, applied_utc) VALUES ($version, $now)";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
            record.ExecuteNonQuery();
            transaction.Commit();
        }

        return (current, Latest);
    }

    private static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
