using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Eas.Actors.Persistence.Journal;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Persistence.Import;

/// <summary>
/// What an import did. <c>Refused</c>: at start only, the file was there but the journal already held state, so nothing
/// was done. <c>KeptAs</c>: the path the old file was renamed to; null when it was not (refused, or a stream failed).
/// </summary>
public sealed record LegacyImportReport(
    bool Refused,
    ImmutableSortedDictionary<string, int> WrittenByKind,
    int AlreadyPresent,
    int Failed,
    ImmutableArray<SkippedRow> Skipped,
    string? KeptAs,
    TimeSpan Elapsed)
{
    public int Written => WrittenByKind.Values.Sum();
}

/// <summary>
/// Imports the pre-Akka store (<see cref="LegacyStateFile"/>) into the journal so that an upgraded server answers its
/// phones with the keys they hold instead of resetting them. It runs once: at the first start of a version that has
/// it, when the data directory holds <c>eas-state.db</c> and the journal is still empty (or an import that was cut
/// short left its marker, <c>eas-state.db.importing</c>), or by hand (<c>eas-server import-state</c>, also into a
/// cluster's PostgreSQL), which imports every stream the journal lacks. Each stream is written only if the journal
/// holds nothing for it, so a second run writes nothing twice. When every stream is in, the old file is renamed to
/// <c>eas-state.db.imported-&lt;UTC time&gt;</c> (kept, never deleted) and the import never runs again.
/// </summary>
public static class LegacyStateImporter
{
    /// <summary>How many streams are written at once.</summary>
    private const int Parallelism = 8;

    /// <summary>How long the import waits for the journal to answer its first read (its tables are created first).</summary>
    private static readonly TimeSpan JournalDeadline = TimeSpan.FromSeconds(60);

    /// <summary>The file that marks an import under way; while it exists, a start resumes the import whatever the journal holds.</summary>
    public static string MarkerOf(string legacyFile) => legacyFile + ".importing";

    /// <summary>
    /// The import at start: nothing when the data directory has no <c>eas-state.db</c>; else the import, unless the
    /// journal already holds state and no marker says an import was under way. <paramref name="testPause"/> is for tests
    /// only (<see cref="ImportAsync"/>).
    /// </summary>
    /// <exception cref="LegacyImportIncompleteException">
    /// A stream could not be written, or the import could not run at all (the journal did not answer, the file is not the
    /// old store): the server must not start on a half-imported journal, nor as if there were nothing to import.
    /// </exception>
    public static async Task<LegacyImportReport?> ImportAtStartAsync(
        string dataDirectory, JournalOptions journal, ILoggerFactory loggers, TimeProvider clock, TimeSpan testPause = default, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(dataDirectory, LegacyStateFile.FileName);
        if (!File.Exists(file)) return null;
        var logger = loggers.CreateLogger(typeof(LegacyStateImporter).FullName!);
        LegacyImportReport report;
        try
        {
            report = await ImportAsync(dataDirectory, journal, loggers, clock, requireEmptyJournal: true, testPause, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LegacyImportLog.CouldNotRun(logger, file, e.Message, e);
            throw new LegacyImportIncompleteException(
                $"{file} could not be imported into the journal ({e.Message}). The server does not start on a state it could not import; " +
                "once the cause is fixed, a start (or 'eas-server import-state') runs the import again.", e);
        }

        if (report.Failed > 0)
        {
            var total = report.Written + report.AlreadyPresent + report.Failed;
            LegacyImportLog.StartRefused(logger, report.Failed, total, file);
            throw new LegacyImportIncompleteException(
                $"{report.Failed} of {total} streams of {file} could not be written into the journal (see the log). The server does not start on a " +
                "half-imported state; once the journal is reachable, a start (or 'eas-server import-state') finishes the import.");
        }

        return report;
    }

    /// <summary>
    /// Imports <c>eas-state.db</c> of <paramref name="dataDirectory"/> into <paramref name="journal"/>. A run that resumes
    /// one cut short takes the import time from its marker, so every stream it maps is the one the first run wrote (see
    /// <see cref="StreamImportOutcome.Completed"/>). <paramref name="testPause"/> is for tests only: each stream waits that
    /// long between its events and its snapshot, so a test can kill or starve the import part-way; zero otherwise.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no <c>eas-state.db</c>.</exception>
    public static async Task<LegacyImportReport> ImportAsync(
        string dataDirectory, JournalOptions journal, ILoggerFactory loggers, TimeProvider clock, bool requireEmptyJournal, TimeSpan testPause = default,
        CancellationToken cancellationToken = default)
    {
        var logger = loggers.CreateLogger(typeof(LegacyStateImporter).FullName!);
        var file = Path.Combine(dataDirectory, LegacyStateFile.FileName);
        if (!File.Exists(file)) throw new FileNotFoundException($"There is no {LegacyStateFile.FileName} in {dataDirectory}.", file);
        var started = Stopwatch.GetTimestamp();
        var marker = MarkerOf(file);

        await using var system = ImportActorSystem.Start(journal);
        await system.JournalReadyAsync(JournalDeadline, cancellationToken);
        if (requireEmptyJournal && !File.Exists(marker) && !await system.JournalIsEmptyAsync(cancellationToken))
        {
            LegacyImportLog.JournalNotEmpty(logger, file, dataDirectory);
            return new LegacyImportReport(true, ImmutableSortedDictionary<string, int>.Empty, 0, 0, [], null, Stopwatch.GetElapsedTime(started));
        }

        LegacyImportLog.Started(logger, file);
        var importedAt = await ImportTimeAsync(marker, clock, cancellationToken);
        var contents = LegacyStateFile.Read(file);
        var plan = LegacyStateMapping.Map(contents.Rows, importedAt);
        var skipped = contents.Unreadable.Concat(plan.Skipped).ToImmutableArray();
        foreach (var row in skipped) LegacyImportLog.RowSkipped(logger, row.Kind, row.Id, row.Reason);

        var written = new ConcurrentBag<string>();
        var present = 0;
        var failed = 0;
        await Parallel.ForEachAsync(plan.Streams, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (stream, token) =>
        {
            try
            {
                switch (await system.WriteAsync(stream, token, testPause))
                {
                    case StreamImportOutcome.Written:
                        written.Add(stream.Kind);
                        break;
                    case StreamImportOutcome.Completed:
                        written.Add(stream.Kind);
                        LegacyImportLog.Completed(logger, stream.PersistenceId);
                        break;
                    default:
                        Interlocked.Increment(ref present);
                        LegacyImportLog.AlreadyPresent(logger, stream.PersistenceId);
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
                LegacyImportLog.WriteFailed(logger, stream.PersistenceId, e);
            }
        });

        var counts = written.GroupBy(kind => kind).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LegacyImportLog.Finished(logger, written.Count, string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")), present, skipped.Length, failed, (long)elapsed.TotalMilliseconds);
        string? keptAs = null;
        if (failed == 0)
        {
            keptAs = Keep(file, clock.GetUtcNow());
            File.Delete(marker);
            LegacyImportLog.Kept(logger, file, keptAs, contents.AuditEntries);
        }

        return new LegacyImportReport(false, counts, present, failed, skipped, keptAs, elapsed);
    }

    /// <summary>
    /// The time the import maps with (a device's first-seen time when its row has none, an account's claim): the one a
    /// run cut short wrote into the marker, else now, written into a new marker.
    /// </summary>
    private static async Task<DateTimeOffset> ImportTimeAsync(string marker, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (File.Exists(marker)
            && DateTimeOffset.TryParseExact((await File.ReadAllTextAsync(marker, cancellationToken)).Trim(), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var earlier))
            return earlier;
        var now = clock.GetUtcNow();
        await File.WriteAllTextAsync(marker, now.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        return now;
    }

    /// <summary>Renames the file (and a WAL or shared-memory file SQLite left beside it) so that no start imports it again.</summary>
    private static string Keep(string file, DateTimeOffset now)
    {
        var stamped = $"{file}.imported-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        // Two imports within one second (a start, then the command by hand) keep both files.
        var keptAs = stamped;
        for (var copy = 2; File.Exists(keptAs); copy++) keptAs = $"{stamped}-{copy}";
        File.Move(file, keptAs);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(file + suffix)) File.Move(file + suffix, keptAs + suffix);
        }

        return keptAs;
    }
}
