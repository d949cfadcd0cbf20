using System.Data.Common;
using Eas.Actors.Persistence.Journal;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// Reads the journal's own tables (Akka.Persistence.Sql's default mapping: <c>journal</c> and <c>snapshot</c>, keyed by
/// <c>persistence_id</c>) straight from the database, beside a running or killed server: SQLite's
/// <c>eas-journal.db</c> of a data directory, or a PostgreSQL database. Before the first write the tables may not
/// exist yet; that reads as empty.
/// </summary>
internal sealed class JournalRows
{
    private readonly Func<DbConnection> _connect;

    private JournalRows(Func<DbConnection> connect) => _connect = connect;

    public static JournalRows Sqlite(string dataDirectory) =>
        new(() => new SqliteConnection($"Data Source={Path.Combine(dataDirectory, SqliteJournalFile.FileName)};Mode=ReadOnly;Pooling=False"));

    public static JournalRows PostgreSql(string connectionString) =>
        new(() => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString()));

    /// <summary>The journal rows (events, deleted or not) per persistence id.</summary>
    public Task<IReadOnlyDictionary<string, long>> EventsAsync() => CountAsync("journal");

    /// <summary>The snapshots per persistence id.</summary>
    public Task<IReadOnlyDictionary<string, long>> SnapshotsAsync() => CountAsync("snapshot");

    /// <summary>
    /// Waits until the journal holds an event of any stream; false when <paramref name="deadline"/> passes first or
    /// <paramref name="writer"/> ends without having written one.
    /// </summary>
    public async Task<bool> FirstEventWithinAsync(TimeSpan deadline, ServerProcess writer)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (!timeout.IsCancellationRequested)
        {
            if (writer.HasExited) return (await EventsAsync()).Count > 0;
            if ((await EventsAsync()).Count > 0) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }

        return false;
    }

    private async Task<IReadOnlyDictionary<string, long>> CountAsync(string table)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = _connect();
        try
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT persistence_id, COUNT(*) FROM {table} GROUP BY persistence_id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        catch (DbException e) when (IsMissing(e))
        {
        }

        return counts;
    }

    /// <summary>The database file or the table does not exist yet.</summary>
    private static bool IsMissing(DbException e) => e switch
    {
        SqliteException sqlite => sqlite.Message.Contains("no such table", StringComparison.Ordinal) || sqlite.SqliteErrorCode == 14,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UndefinedTable,
        _ => false,
    };
}
