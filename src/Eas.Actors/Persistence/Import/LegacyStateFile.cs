using Microsoft.Data.Sqlite;

namespace Eas.Actors.Persistence.Import;

/// <summary>
/// The pre-Akka store's SQLite file (<c>eas-state.db</c> in <c>Eas:DataDir</c>; schema version 1: table <c>state</c>
/// with <c>kind</c>, <c>id</c>, <c>version</c>, <c>data</c> NULL for a tombstone, and the audit table <c>events</c>).
/// It is opened read-write, never created: a server that stopped without closing it may have left committed rows in
/// its WAL file, which SQLite folds back into the file only for a writer.
/// </summary>
public static class LegacyStateFile
{
    /// <summary>The file's name in the data directory.</summary>
    public const string FileName = "eas-state.db";

    /// <summary>What the file holds: its live rows, and how many audit entries (not imported) it kept.</summary>
    public sealed record Contents(IReadOnlyList<LegacyRow> Rows, IReadOnlyList<SkippedRow> Unreadable, long AuditEntries);

    /// <summary>Reads every live row; a row whose columns are not what the schema says is reported, not thrown.</summary>
    /// <exception cref="SqliteException">The file is not an SQLite database, or has no <c>state</c> table.</exception>
    public static Contents Read(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var rows = new List<LegacyRow>();
        var unreadable = new List<SkippedRow>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT kind, id, data FROM state WHERE data IS NOT NULL ORDER BY kind, id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var kind = reader.IsDBNull(0) ? "?" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "?";
                var id = reader.IsDBNull(1) ? "?" : Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) ?? "?";
                switch (reader.GetValue(2))
                {
                    case byte[] data:
                        rows.Add(new LegacyRow(kind, id, data));
                        break;
                    case string text:
                        rows.Add(new LegacyRow(kind, id, System.Text.Encoding.UTF8.GetBytes(text)));
                        break;
                    default:
                        unreadable.Add(new SkippedRow(kind, id, "its data is neither a blob nor text"));
                        break;
                }
            }
        }

        return new Contents(rows, unreadable, CountAuditEntries(connection));
    }

    private static long CountAuditEntries(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'events'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return 0;
        command.CommandText = "SELECT COUNT(*) FROM events";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
