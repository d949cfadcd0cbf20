using System.Globalization;
using System.Text.RegularExpressions;
using Eas.Actors.Tests.Support;
using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

/// <summary>
/// An import of a pre-2026-12 <c>eas-state.db</c> that does not get to its end: the server process SIGKILLed part-way,
/// or PostgreSQL stopped under it. The marker (<c>eas-state.db.importing</c>) makes the next run resume, which must
/// write the streams the first run did not, complete the one it left between its events and its snapshot, and write
/// nothing twice; and a server must never serve on a half-imported journal. The install has 24 extra devices besides
/// the phone, and the first server runs with the test-only <c>Eas:Persistence:ImportTestPause</c> (a pause between each
/// stream's events and its snapshot), so the kill or the outage always lands while streams are half-written.
/// </summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class LegacyImportInterruptionTests(DovecotFixture dovecot, PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int ExtraDevices = 24;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task On_SQLite_a_start_killed_mid_import_is_resumed_by_the_next_start_and_every_stream_holds_its_events_once()
    {
        var install = await LegacyInstall.CreateAsync(dovecot, "legacy-kill-lite@ox.io", ExtraDevices);
        var streams = install.Streams();
        var journal = JournalRows.Sqlite(install.DataDirectory);

        await KillMidImportAsync(install, journal, []);

        await using var server = await ServerInstance.StartAsync(dovecot, install.DataDirectory);
        File.Exists(install.StateFile).ShouldBeFalse("the next start finished the import and renamed the file");
        File.Exists(install.Marker).ShouldBeFalse();
        await LegacyImportChecks.EveryStreamOnceAsync(journal, streams);
        await LegacyPhone.SyncsOnWithItsOldKeysAsync(server, dovecot, install.Keys);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_start_killed_mid_import_is_finished_by_import_state_and_every_stream_holds_its_events_once()
    {
        var install = await LegacyInstall.CreateAsync(dovecot, "legacy-kill-pg@ox.io", ExtraDevices);
        var streams = install.Streams();
        var database = await postgres.CreateDatabaseAsync("legacy_kill");
        var journal = JournalRows.PostgreSql(database);

        await KillMidImportAsync(install, journal, LegacyStatePostgresImportTests.PostgresArgs(database));
        var (exit, output) = await ServerProcess.RunAsync(Deadline,
            "import-state", "--data-dir", install.DataDirectory, "--provider", "PostgreSql", "--connection-string", database);

        exit.ShouldBe(0, output);
        var counts = Regex.Match(output, @"imported (\d+) streams \(.*\), (\d+) already present, 0 rows skipped, 0 failed");
        counts.Success.ShouldBeTrue(output);
        (int.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture))
            .ShouldBe(streams.Count, "every stream written now or found complete");
        File.Exists(install.StateFile).ShouldBeFalse();
        await LegacyImportChecks.EveryStreamOnceAsync(journal, streams);
        await using var server = await ServerInstance.StartAsync(dovecot, install.DataDirectory, LegacyStatePostgresImportTests.PostgresArgs(database));
        await LegacyPhone.SyncsOnWithItsOldKeysAsync(server, dovecot, install.Keys);
    }

    [PostgresFact]
    public async Task When_PostgreSQL_stops_mid_import_the_server_refuses_to_start_and_the_next_start_finishes_the_import()
    {
        var install = await LegacyInstall.CreateAsync(dovecot, "legacy-pgdown@ox.io", ExtraDevices);
        var streams = install.Streams();
        var database = await postgres.CreateDatabaseAsync("legacy_down");
        var journal = JournalRows.PostgreSql(database);

        int exit;
        string output;
        await using (var first = StartPaced(install, LegacyStatePostgresImportTests.PostgresArgs(database)))
        {
            (await journal.FirstEventWithinAsync(Deadline, first)).ShouldBeTrue($"the import began writing; the server said:\n{first.Output}");
            await postgres.StopAsync();
            try
            {
                exit = await first.ExitCodeWithinAsync(Deadline);
                output = first.Output;
            }
            finally
            {
                await postgres.StartAsync();
            }
        }

        exit.ShouldBe(3, output);
        output.ShouldContain("could not be written into the journal, so the server does not start on a half-imported state");
        output.ShouldNotContain("Now listening on", Case.Insensitive, "nothing was served");
        File.Exists(install.StateFile).ShouldBeTrue("kept for the next start");
        File.Exists(install.Marker).ShouldBeTrue("the next start resumes the import");

        await using var server = await ServerInstance.StartAsync(dovecot, install.DataDirectory, LegacyStatePostgresImportTests.PostgresArgs(database));
        File.Exists(install.StateFile).ShouldBeFalse();
        await LegacyImportChecks.EveryStreamOnceAsync(journal, streams);
        await LegacyPhone.SyncsOnWithItsOldKeysAsync(server, dovecot, install.Keys);
    }

    /// <summary>
    /// Starts a server on the install with the pause, SIGKILLs it as soon as the journal holds the first event, and checks
    /// that it died part-way: the file and the marker are still there, some streams are missing, and some device holds
    /// its events without its snapshot (the state a resumed import must complete rather than skip).
    /// </summary>
    private static async Task KillMidImportAsync(LegacyInstall install, JournalRows journal, string[] journalArgs)
    {
        var streams = install.Streams();
        await using (var server = StartPaced(install, journalArgs))
        {
            (await journal.FirstEventWithinAsync(Deadline, server)).ShouldBeTrue($"the import began writing; the server said:\n{server.Output}");
            await server.KillAsync();
        }

        File.Exists(install.StateFile).ShouldBeTrue();
        File.Exists(install.Marker).ShouldBeTrue();
        var events = await journal.EventsAsync();
        var snapshots = await journal.SnapshotsAsync();
        events.Count.ShouldBeLessThan(streams.Values.Count(s => !s.Events.IsEmpty), "killed part-way: some streams are not written yet");
        events.Keys.Where(id => streams.TryGetValue(id, out var stream) && stream.Snapshot is not null && !snapshots.ContainsKey(id))
            .ShouldNotBeEmpty("killed between a device's events and its snapshot");
    }

    private static ServerProcess StartPaced(LegacyInstall install, string[] journalArgs) => ServerProcess.Start(
    [
        "--urls", "http://127.0.0.1:0",
        $"--Eas:DataDir={install.DataDirectory}",
        "--Eas:Persistence:ImportTestPause=00:00:10",
        .. journalArgs,
    ]);
}
