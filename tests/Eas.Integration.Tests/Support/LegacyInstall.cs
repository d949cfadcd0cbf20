using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Eas.Actors.Persistence.Import;
using Microsoft.Data.Sqlite;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// An install of a version before 2026-12 (before the Akka.NET journal), laid out from <c>Fixtures/LegacyState</c> (see
/// its <c>HOW-MADE.md</c>): the <c>eas-state.db</c> the old build wrote in a fresh data directory, and the account's
/// maildir (with its <c>dovecot-uidlist</c>, so UIDVALIDITY and UIDs are the ones the old state names) under the given
/// Dovecot. Each install can take its own user, so several can live on one Dovecot: the old file's rows are rewritten
/// from <see cref="FixtureUser"/> to that user, a plain rename of the account in its ids and JSON. Extra devices (copies
/// of the phone's device and INBOX rows under other device ids) make the import long enough to be cut part-way.
/// </summary>
internal sealed class LegacyInstall
{
    /// <summary>The account the fixture was made with.</summary>
    public const string FixtureUser = "legacy@ox.io";

    private static readonly string Source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "LegacyState");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private LegacyInstall(string dataDirectory, LegacyPhoneKeys keys)
    {
        DataDirectory = dataDirectory;
        Keys = keys;
    }

    /// <summary>The old version's <c>Eas:DataDir</c>, holding <c>eas-state.db</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>What the phone held when the old server stopped (<c>phone.json</c>), for this install's user.</summary>
    public LegacyPhoneKeys Keys { get; }

    public string StateFile => Path.Combine(DataDirectory, LegacyStateFile.FileName);

    public string Marker => LegacyStateImporter.MarkerOf(StateFile);

    /// <summary>The streams the import writes from this install's file, each with how many events it holds.</summary>
    public IReadOnlyDictionary<string, ImportedStream> Streams() =>
        LegacyStateMapping.Map(LegacyStateFile.Read(StateFile).Rows, DateTimeOffset.UnixEpoch).Streams.ToDictionary(s => s.PersistenceId, StringComparer.Ordinal);

    public static async Task<LegacyInstall> CreateAsync(DovecotFixture dovecot, string user = FixtureUser, int extraDevices = 0)
    {
        var fixtureKeys = JsonSerializer.Deserialize<LegacyPhoneKeys>(await File.ReadAllTextAsync(Path.Combine(Source, "phone.json")), Json)!;
        var keys = fixtureKeys with { User = user };
        dovecot.Dovecot.AddUser(keys.User, keys.Password);
        var mailRoot = Path.Combine(Path.GetDirectoryName(dovecot.Dovecot.ConfigPath)!, "mail");
        var home = Path.Combine(mailRoot, keys.User);
        Directory.CreateDirectory(home);
        await RunAsync("cp", "-a", Path.Combine(Source, "Maildir"), Path.Combine(home, "Maildir"));
        foreach (var folder in new[] { "Maildir", "Maildir/.Drafts", "Maildir/.Junk", "Maildir/.Sent", "Maildir/.Trash" })
        {
            foreach (var part in new[] { "cur", "new", "tmp" }) Directory.CreateDirectory(Path.Combine(home, folder, part));
        }

        await RunAsync("chown", "-R", "--reference=" + mailRoot, home);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "eas-it-legacy-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        var install = new LegacyInstall(dataDirectory, keys);
        File.Copy(Path.Combine(Source, LegacyStateFile.FileName), install.StateFile);
        Rewrite(install.StateFile, keys, extraDevices);
        return install;
    }

    /// <summary>Renames the account and adds the extra devices, in the old file itself.</summary>
    private static void Rewrite(string file, LegacyPhoneKeys keys, int extraDevices)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        if (keys.User != FixtureUser)
        {
            command.CommandText = "UPDATE state SET id = replace(id, $from, $to), data = CAST(replace(CAST(data AS TEXT), $from, $to) AS BLOB) WHERE data IS NOT NULL";
            command.Parameters.AddWithValue("$from", FixtureUser);
            command.Parameters.AddWithValue("$to", keys.User);
            command.ExecuteNonQuery();
        }

        var phone = keys.DeviceId;
        for (var i = 1; i <= extraDevices; i++)
        {
            var extra = "ExtraPhone" + i.ToString("D3", CultureInfo.InvariantCulture);
            command.Parameters.Clear();
            command.CommandText = """
                INSERT INTO state (kind, id, version, data, updated_utc)
                SELECT kind, replace(id, lower($phone), lower($extra)), version, CAST(replace(CAST(data AS TEXT), $phone, $extra) AS BLOB), updated_utc
                FROM state WHERE kind IN ('device', 'collection') AND (id = lower($prefix) OR id LIKE lower($prefix) || '/%')
                """;
            command.Parameters.AddWithValue("$phone", phone);
            command.Parameters.AddWithValue("$extra", extra);
            command.Parameters.AddWithValue("$prefix", $"{keys.User}/{phone}");
            command.ExecuteNonQuery().ShouldBe(2, "the phone's device row and its INBOX row, copied");
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {error}");
    }
}

/// <summary>What the phone held when the old server stopped (<c>phone.json</c>).</summary>
internal sealed record LegacyPhoneKeys(
    string User, string Password, string DeviceId, string Version, string PolicyKey, string FolderSyncKey, string InboxId, string InboxSyncKey, string[] ServerIds);
