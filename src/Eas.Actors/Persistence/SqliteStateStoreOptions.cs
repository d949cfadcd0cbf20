using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Persistence;

/// <summary>Where and how <see cref="SqliteStateStore"/> keeps its file.</summary>
public sealed class SqliteStateStoreOptions
{
    /// <summary>The directory of the database file; created if missing.</summary>
    public required string DataDirectory { get; init; }

    public string FileName { get; init; } = "eas-state.db";

    /// <summary>The meter of the write-latency and version-conflict instruments (the host's <c>Eas.Server</c>).</summary>
    public required Meter Meter { get; init; }

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How long SQLite waits for another process's lock before the operation fails as unavailable.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Idle read connections kept open; reads beyond that open and close their own.</summary>
    public int MaxIdleReaders { get; init; } = 4;

    /// <summary>Stamps <c>updated_utc</c> of saved state.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
