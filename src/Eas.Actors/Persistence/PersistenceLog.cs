using Microsoft.Extensions.Logging;

namespace Eas.Actors.Persistence;

/// <summary>Persistence log events; ids 1100-1199 are reserved for persistence and never reused.</summary>
internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "State store opened at {Path}, schema version {SchemaVersion}")]
    public static partial void Opened(ILogger logger, string path, int schemaVersion);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "State store schema migrated to version {SchemaVersion}")]
    public static partial void Migrated(ILogger logger, int schemaVersion);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug,
        Message = "Version conflict on {Kind} {EntityId}: expected {ExpectedVersion}, found {ActualVersion}")]
    public static partial void VersionConflict(ILogger logger, string kind, string entityId, long expectedVersion, long actualVersion);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "State store unavailable during {Operation} on {Kind}")]
    public static partial void Unavailable(ILogger logger, string operation, string kind, Exception exception);
}
