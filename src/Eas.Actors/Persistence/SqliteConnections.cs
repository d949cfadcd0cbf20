using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Eas.Actors.Persistence;

/// <summary>
/// Opens connections with the store's settings and keeps a few idle read connections. Microsoft.Data.Sqlite's
/// own pool is off so that every connection is known to carry our pragmas.
/// </summary>
internal sealed class SqliteConnections : IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly int _maxIdleReaders;
    private readonly ConcurrentQueue<SqliteConnection> _idleReaders = new();

    public SqliteConnections(string path, TimeSpan busyTimeout, int maxIdleReaders)
    {
        _busyTimeoutMs = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _maxIdleReaders = maxIdleReaders;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,

            // Microsoft.Data.Sqlite retries SQLITE_BUSY itself until this many seconds have passed.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The one writer: WAL, and synchronous=FULL so a commit is on disk before it returns.</summary>
    public SqliteConnection OpenWriter()
    {
        var connection = Open();
        try
        {
            var mode = Convert.ToString(Scalar(connection, "PRAGMA journal_mode=WAL"), System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{mode}').");
            }

            Scalar(connection, "PRAGMA synchronous=FULL");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public SqliteConnection RentReader()
    {
        if (_idleReaders.TryDequeue(out var idle))
        {
            return idle;
        }

        var connection = Open();
        Scalar(connection, "PRAGMA query_only=1");
        return connection;
    }

    /// <summary>Keeps a healthy reader for reuse; a reader whose operation failed is closed instead.</summary>
    public void Return(SqliteConnection reader, bool healthy)
    {
        if (healthy && _idleReaders.Count < _maxIdleReaders)
        {
            _idleReaders.Enqueue(reader);
            return;
        }

        reader.Dispose();
    }

    public void Dispose()
    {
        while (_idleReaders.TryDequeue(out var reader))
        {
            reader.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Scalar(connection, "PRAGMA busy_timeout=" + _busyTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
