using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Persistence;

/// <summary>
/// <see cref="IStateStore"/> in one SQLite file (WAL journal, synchronous=FULL: a write returns only once it is
/// on disk). SQLite admits one writer at a time, so writes queue on an async gate in front of a single write
/// connection: waiting holds no thread, and only the writer's own thread blocks, in the fsync. Reads run in
/// parallel on a few pooled read connections and never wait for writes. Microsoft.Data.Sqlite is synchronous
/// underneath: a read completes on the caller's thread.
/// </summary>
public sealed class SqliteStateStore : IStateStore, IAsyncDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteConnections _connections;
    private readonly SqliteWriter _writer;
    private readonly PersistenceMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private bool _disposed;

    private SqliteStateStore(SqliteStateStoreOptions options, SqliteConnections connections, SqliteWriter writer, ILogger logger)
    {
        _connections = connections;
        _writer = writer;
        _logger = logger;
        _clock = options.Clock;
        _metrics = new PersistenceMetrics(options.Meter);
    }

    /// <summary>
    /// Opens (creating if needed) the database and migrates its schema. A file that cannot be opened, is locked
    /// beyond the busy timeout or is not a valid database throws <see cref="StoreUnavailableException"/>.
    /// </summary>
    public static SqliteStateStore Open(SqliteStateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.DataDirectory);
        var logger = options.LoggerFactory.CreateLogger<SqliteStateStore>();
        var path = Path.Combine(options.DataDirectory, options.FileName);
        var connections = new SqliteConnections(path, options.BusyTimeout, options.MaxIdleReaders);
        SqliteConnection? connection = null;
        try
        {
            Directory.CreateDirectory(options.DataDirectory);
            connection = connections.OpenWriter();
            var (before, after) = SqliteSchema.Migrate(connection, options.Clock);
            if (before != after)
            {
                PersistenceLog.Migrated(logger, after);
            }

            PersistenceLog.Opened(logger, path, after);
            return new SqliteStateStore(options, connections, new SqliteWriter(connection), logger);
        }
        catch (Exception ex) when (SqliteFailures.IsUnavailable(ex))
        {
            connection?.Dispose();
            throw new StoreUnavailableException($"The state database '{path}' cannot be opened: {ex.Message}", ex);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    public async Task<StoredState?> LoadAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        Validate(kind, id);
        return await ReadAsync("load", kind, connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT version, data FROM state WHERE kind = $kind AND id = $id AND data IS NOT NULL";
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new StoredState(reader.GetInt64(0), (byte[])reader.GetValue(1)) : null;
        }, cancellationToken);
    }

    public Task<long> SaveAsync(string kind, string id, long expectedVersion, byte[] data, CancellationToken cancellationToken = default)
    {
        Validate(kind, id);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(data);
        return WriteAsync("save", kind, () =>
            _writer.Save(kind, id, expectedVersion, data, Now()) ?? throw Conflict(kind, id, expectedVersion),
            cancellationToken);
    }

    public Task DeleteAsync(string kind, string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Validate(kind, id);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, 1);
        return WriteAsync("delete", kind, () =>
            _writer.Delete(kind, id, expectedVersion, Now()) ? expectedVersion + 1 : throw Conflict(kind, id, expectedVersion),
            cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListIdsAsync(string kind, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(prefix);
        return await ReadAsync<IReadOnlyList<string>>("list", kind, connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM state WHERE kind = $kind AND id GLOB $pattern AND data IS NOT NULL ORDER BY id";
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$pattern", GlobPrefix(prefix));
            using var reader = command.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, cancellationToken);
    }

    public Task<long> AppendEventAsync(
        string kind,
        string id,
        string eventType,
        byte[] data,
        string actor,
        DateTimeOffset timestamp,
        CancellationToken cancellationToken = default)
    {
        Validate(kind, id);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        return WriteAsync("append", kind, () =>
            _writer.Append(kind, id, eventType, data, actor, timestamp.ToUnixTimeMilliseconds()),
            cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(
        string kind,
        string id,
        long afterSequence = 0,
        int maxCount = 1000,
        CancellationToken cancellationToken = default)
    {
        Validate(kind, id);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return await ReadAsync<IReadOnlyList<StoredEvent>>("events", kind, connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                """
                SELECT seq, event_type, data, actor, occurred_utc FROM events
                WHERE kind = $kind AND id = $id AND seq > $after ORDER BY seq LIMIT $max
                """;
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$after", afterSequence);
            command.Parameters.AddWithValue("$max", maxCount);
            using var reader = command.ExecuteReader();
            var events = new List<StoredEvent>();
            while (reader.Read())
            {
                events.Add(new StoredEvent(
                    reader.GetInt64(0),
                    kind,
                    id,
                    reader.GetString(1),
                    (byte[])reader.GetValue(2),
                    reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
            }

            return events;
        }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
            _connections.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static void Validate(string kind, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(id);
    }

    /// <summary>A GLOB pattern matching ids that start with <paramref name="prefix"/>; GLOB is case-sensitive and uses the key index.</summary>
    private static string GlobPrefix(string prefix) =>
        prefix.Replace("[", "[[]", StringComparison.Ordinal)
            .Replace("*", "[*]", StringComparison.Ordinal)
            .Replace("?", "[?]", StringComparison.Ordinal) + "*";

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private VersionConflictException Conflict(string kind, string id, long expectedVersion)
    {
        var actual = _writer.CurrentVersion(kind, id);
        _metrics.Conflict(kind);
        PersistenceLog.VersionConflict(_logger, kind, id, expectedVersion, actual);
        return new VersionConflictException(kind, id, expectedVersion, actual);
    }

    private async Task<long> WriteAsync(string operation, string kind, Func<long> write, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return write();
        }
        catch (Exception ex) when (SqliteFailures.IsUnavailable(ex))
        {
            PersistenceLog.Unavailable(_logger, operation, kind, ex);
            throw new StoreUnavailableException($"The state store could not {operation} {kind} state: {ex.Message}", ex);
        }
        finally
        {
            _writeGate.Release();
            _metrics.RecordWrite(kind, operation, Stopwatch.GetElapsedTime(started));
        }
    }

    private Task<T> ReadAsync<T>(string operation, string kind, Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        SqliteConnection? connection = null;
        var healthy = false;
        try
        {
            connection = _connections.RentReader();
            var result = read(connection);
            healthy = true;
            return Task.FromResult(result);
        }
        catch (Exception ex) when (SqliteFailures.IsUnavailable(ex))
        {
            PersistenceLog.Unavailable(_logger, operation, kind, ex);
            throw new StoreUnavailableException($"The state store could not {operation} {kind} state: {ex.Message}", ex);
        }
        finally
        {
            if (connection is not null)
            {
                _connections.Return(connection, healthy);
            }
        }
    }
}
