using Eas.Actors.Tests.Support;
using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

/// <summary>
/// The upgrade of a pre-2026-12 install into a cluster's journal: <c>eas-state.db</c> (written by the old build, see
/// <see cref="LegacyInstall"/>) imported into PostgreSQL, by <c>eas-server import-state --provider PostgreSql</c> run as
/// its own process and by the start of a server configured for PostgreSQL. Either way the phone goes on with the
/// PolicyKey (MS-ASPROV 3.1.5.1), FolderSync key (MS-ASCMD 2.2.3.166.2) and SyncKey (MS-ASCMD 2.2.3.166.4) it holds,
/// and every stream holds its events once. One database and one account per test.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class LegacyStatePostgresImportTests(DovecotFixture dovecot, PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromMinutes(3);

    [PostgresFact]
    public async Task Import_state_as_its_own_process_fills_PostgreSQL_and_a_server_on_it_answers_the_phone_with_its_old_keys()
    {
        var install = await LegacyInstall.CreateAsync(dovecot, "legacy-pgcli@ox.io");
        var database = await postgres.CreateDatabaseAsync("legacy_cli");
        var streams = install.Streams();

        var (exit, output) = await ServerProcess.RunAsync(CommandDeadline,
            "import-state", "--data-dir", install.DataDirectory, "--provider", "PostgreSql", "--connection-string", database);

        exit.ShouldBe(0, output);
        output.ShouldContain("imported 5 streams (account 1, device 1, directory 1, folders 1, license 1), 0 already present, 0 rows skipped, 0 failed");
        File.Exists(install.StateFile).ShouldBeFalse("renamed once every stream is in");
        File.Exists(install.Marker).ShouldBeFalse();
        await LegacyImportChecks.EveryStreamOnceAsync(JournalRows.PostgreSql(database), streams);

        await using var server = await ServerInstance.StartAsync(dovecot, install.DataDirectory, PostgresArgs(database));
        await LegacyPhone.SyncsOnWithItsOldKeysAsync(server, dovecot, install.Keys);
    }

    [PostgresFact]
    public async Task A_server_configured_for_PostgreSQL_imports_at_its_first_start_and_answers_the_phone_with_its_old_keys()
    {
        var install = await LegacyInstall.CreateAsync(dovecot, "legacy-pgstart@ox.io");
        var database = await postgres.CreateDatabaseAsync("legacy_start");
        var streams = install.Streams();

        await using var server = await ServerInstance.StartAsync(dovecot, install.DataDirectory, PostgresArgs(database));

        File.Exists(install.StateFile).ShouldBeFalse("imported at start and renamed");
        Directory.GetFiles(install.DataDirectory, "eas-state.db.imported-*").ShouldHaveSingleItem();
        File.Exists(Path.Combine(install.DataDirectory, "eas-journal.db")).ShouldBeFalse("the journal is PostgreSQL, not a SQLite file beside the old one");
        await LegacyImportChecks.EveryStreamOnceAsync(JournalRows.PostgreSql(database), streams);
        await LegacyPhone.SyncsOnWithItsOldKeysAsync(server, dovecot, install.Keys);
    }

    internal static string[] PostgresArgs(string connectionString) =>
        ["--Eas:Persistence:Provider=PostgreSql", $"--Eas:Persistence:ConnectionString={connectionString}"];
}
