using Microsoft.Data.Sqlite;

namespace Eas.Actors.Persistence;

/// <summary>
/// The single write connection and its prepared statements. Not thread-safe: the store lets one caller at a
/// time in. Each statement commits on its own, so each write is one durable transaction.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _version;
    private readonly SqliteCommand _append;

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;

        // Expected version 0: a new row, or a tombstone revived with the next version.
        _insert = Prepare(
            """
            INSERT INTO state (kind, id, version, data, updated_utc) VALUES ($kind, $id, 1, $data, $now)
            ON CONFLICT (kind, id) DO UPDATE SET version = state.version + 1, data = excluded.data, updated_utc = excluded.updated_utc
            WHERE state.data IS NULL
            RETURNING version
            """,
            "$kind", "$id", "$data", "$now");
        _update = Prepare(
            """
            UPDATE state SET version = version + 1, data = $data, updated_utc = $now
            WHERE kind = $kind AND id = $id AND version = $expected AND data IS NOT NULL
            RETURNING version
            """,
            "$kind", "$id", "$data", "$now", "$expected");
        _delete = Prepare(
            """
            UPDATE state SET version = version + 1, data = NULL, updated_utc = $now
            WHERE kind = $kind AND id = $id AND version = $expected AND data IS NOT NULL
            RETURNING version
            """,
            "$kind", "$id", "$now", "$expected");
        _version = Prepare(
            "SELECT CASE WHEN data IS NULL THEN 0 ELSE version END FROM state WHERE kind = $kind AND id = $id",
            "$kind", "$id");
        _append = Prepare(
            """
            INSERT INTO events (kind, id, event_type, data, actor, occurred_utc)
            VALUES ($kind, $id, $type, $data, $actor, $at)
            RETURNING seq
            """,
            "$kind", "$id", "$type", "$data", "$actor", "$at");
    }

    /// <summary>Returns the new version, or null when <paramref name="expectedVersion"/> is not current.</summary>
    public long? Save(string kind, string id, long expectedVersion, byte[] data, long nowMs)
    {
        var command = expectedVersion == 0 ? _insert : _update;
        Bind(command, "$kind", kind);
        Bind(command, "$id", id);
        Bind(command, "$data", data);
        Bind(command, "$now", nowMs);
        if (expectedVersion != 0)
        {
            Bind(command, "$expected", expectedVersion);
        }

        return command.ExecuteScalar() is long version ? version : null;
    }

    /// <summary>Returns false when <paramref name="expectedVersion"/> is not current.</summary>
    public bool Delete(string kind, string id, long expectedVersion, long nowMs)
    {
        Bind(_delete, "$kind", kind);
        Bind(_delete, "$id", id);
        Bind(_delete, "$now", nowMs);
        Bind(_delete, "$expected", expectedVersion);
        return _delete.ExecuteScalar() is long;
    }

    /// <summary>The current version, 0 when absent or deleted.</summary>
    public long CurrentVersion(string kind, string id)
    {
        Bind(_version, "$kind", kind);
        Bind(_version, "$id", id);
        return _version.ExecuteScalar() is long version ? version : 0;
    }

    public long Append(string kind, string id, string eventType, byte[] data, string actor, long atMs)
    {
        Bind(_append, "$kind", kind);
        Bind(_append, "$id", id);
        Bind(_append, "$type", eventType);
        Bind(_append, "$data", data);
        Bind(_append, "$actor", actor);
        Bind(_append, "$at", atMs);
        return (long)_append.ExecuteScalar()!;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _insert, _update, _delete, _version, _append })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private static void Bind(SqliteCommand command, string name, object value) => command.Parameters[name].Value = value;

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
