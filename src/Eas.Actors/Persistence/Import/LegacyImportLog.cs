using Microsoft.Extensions.Logging;

namespace Eas.Actors.Persistence.Import;

internal static partial class LegacyImportLog
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "State import: reading {File} (the store of versions before 2026-12) into the journal")]
    public static partial void Started(ILogger logger, string file);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "State import: row {Kind} {Id} skipped: {Reason}")]
    public static partial void RowSkipped(ILogger logger, string kind, string id, string reason);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "State import: {PersistenceId} already has state in the journal; left as it is")]
    public static partial void AlreadyPresent(ILogger logger, string persistenceId);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Error, Message = "State import: writing {PersistenceId} failed")]
    public static partial void WriteFailed(ILogger logger, string persistenceId, Exception exception);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information, Message = "State import: {Written} streams written ({Counts}), {Present} already present, {Skipped} rows skipped, {Failed} failed, in {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, int written, string counts, int present, int skipped, int failed, long elapsedMs);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Warning, Message = "State import: {File} is there but the journal already holds state, so it is not imported at start; 'eas-server import-state --data-dir {DataDir}' imports what the journal lacks")]
    public static partial void JournalNotEmpty(ILogger logger, string file, string dataDir);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Information, Message = "State import: {File} kept as {KeptAs}; its {AuditEntries} audit entries are not imported and stay readable there")]
    public static partial void Kept(ILogger logger, string file, string keptAs, long auditEntries);

    [LoggerMessage(EventId = 5650, Level = LogLevel.Information, Message = "State import: {PersistenceId} was cut short after its events; its snapshot is written now, its events are not written again")]
    public static partial void Completed(ILogger logger, string persistenceId);

    [LoggerMessage(EventId = 5651, Level = LogLevel.Critical, Message = "State import: {Failed} of {Total} streams of {File} could not be written into the journal, so the server does not start on a half-imported state; once the journal is reachable, the next start (or 'eas-server import-state') finishes the import")]
    public static partial void StartRefused(ILogger logger, int failed, int total, string file);

    [LoggerMessage(EventId = 5652, Level = LogLevel.Critical, Message = "State import: {File} could not be imported ({Reason}), so the server does not start; once the cause is fixed, the next start (or 'eas-server import-state') runs the import again")]
    public static partial void CouldNotRun(ILogger logger, string file, string reason, Exception exception);
}
