using System.CommandLine;
using Eas.Actors.Persistence.Import;
using Eas.Actors.Persistence.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Host.Cli;

/// <summary>
/// <c>eas-server import-state --data-dir DIR</c>: imports the <c>eas-state.db</c> of a version before 2026-12 into the
/// journal by hand (<see cref="LegacyStateImporter"/>): into <c>eas-journal.db</c> beside it, or with
/// <c>--provider PostgreSql --connection-string CS</c> into a cluster's database. Unlike the import at start it runs
/// even when the journal already holds state, and writes only the streams it lacks. Run it with the server stopped.
/// Exit codes: 0 imported, 1 some streams could not be written or the journal could not be reached (the file is not
/// renamed; run again), 2 bad input.
/// </summary>
internal static class ImportStateCommand
{
    public const int StreamsFailed = 1;

    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "The directory holding eas-state.db (Eas:DataDir of the old version).", Required = true };
        var provider = new Option<JournalProvider>("--provider") { Description = "The journal to import into: Sqlite (eas-journal.db in --data-dir) or PostgreSql.", DefaultValueFactory = _ => JournalProvider.Sqlite };
        var connection = new Option<string?>("--connection-string") { Description = "The PostgreSQL connection string (Eas:Persistence:ConnectionString) for --provider PostgreSql." };
        var command = new Command("import-state", "Import the state of a version before 2026-12 (eas-state.db) into the journal.") { dataDir, provider, connection };
        command.SetAction((result, token) => RunAsync(
            Path.GetFullPath(result.GetValue(dataDir)!), result.GetValue(provider), result.GetValue(connection), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, token));
        return command;
    }

    private static async Task<int> RunAsync(string dataDir, JournalProvider provider, string? connectionString, TextWriter output, TextWriter error, CancellationToken token)
    {
        if (!File.Exists(Path.Combine(dataDir, LegacyStateFile.FileName)))
        {
            await error.WriteLineAsync($"There is no {LegacyStateFile.FileName} in {dataDir}.");
            return AdminApiException.BadInputExitCode;
        }

        if (provider == JournalProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("--provider PostgreSql needs --connection-string.");
            return AdminApiException.BadInputExitCode;
        }

        var journal = new JournalOptions { Provider = provider, ConnectionString = connectionString, DataDirectory = dataDir };
        LegacyImportReport report;
        try
        {
            report = await LegacyStateImporter.ImportAsync(dataDir, journal, NullLoggerFactory.Instance, TimeProvider.System, requireEmptyJournal: false, cancellationToken: token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync($"The import could not run: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}. Nothing was renamed; run it again once the cause is fixed.");
            return StreamsFailed;
        }

        foreach (var row in report.Skipped) await output.WriteLineAsync($"skipped {row.Kind} {row.Id}: {row.Reason}");
        await output.WriteLineAsync(
            $"imported {report.Written} streams ({string.Join(", ", report.WrittenByKind.Select(c => $"{c.Key} {c.Value}"))}), " +
            $"{report.AlreadyPresent} already present, {report.Skipped.Length} rows skipped, {report.Failed} failed, in {report.Elapsed.TotalSeconds:0.0} s");
        if (report.KeptAs is { } kept) await output.WriteLineAsync($"the old file is kept as {kept}");
        return report.Failed == 0 ? 0 : StreamsFailed;
    }
}
