using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Eas.Actors.Persistence.Journal;

/// <summary>
/// The SQLite file of a single-node journal and snapshot store. It is prepared once, before Akka opens it:
/// WAL journal mode (measured here: Persist about 7 times faster than the rollback journal, and readers no
/// longer block the writer). WAL is a property of the file, so every later connection, including linq2db's,
/// gets it; per-connection pragmas would not survive linq2db's pool, which is why the busy timeout goes into
/// the connection string instead.
/// </summary>
public static class SqliteJournalFile
{
    /// <summary>The file's name inside <see cref="JournalOptions.DataDirectory"/>.</summary>
    public const string FileName = "eas-journal.db";

    /// <summary>
    /// How long a statement waits for another connection's write lock: Akka.Persistence.Sql writes from several
    /// connections (journal and snapshot store), and WAL still admits one writer at a time. Microsoft.Data.Sqlite
    /// retries <c>SQLITE_BUSY</c> itself until its <c>Default Timeout</c> has passed.
    /// </summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Creates <paramref name="dataDirectory"/> and the file if missing, turns WAL on, and returns the connection
    /// string for linq2db's <c>SQLite.MS</c> provider. Synchronous is left at SQLite's default, FULL, so a commit
    /// is on disk before Persist completes.
    /// </summary>
    /// <exception cref="InvalidOperationException">SQLite refused WAL (for example on a network file system).</exception>
    public static string Prepare(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        var mode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL journal mode for {connection.DataSource} (got '{mode}').");
        }

        return connectionString;
    }
}
