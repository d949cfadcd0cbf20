using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Kernel;

/// <summary>Settings of an <see cref="ActorSystem"/>; the meter is the host's single <c>Eas.Server</c> meter.</summary>
public sealed class ActorSystemOptions
{
    /// <summary>The meter the kernel's instruments are created on (one per process, from IMeterFactory).</summary>
    public required Meter Meter { get; init; }

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The clock of timers, ask deadlines, idleness and restart windows; a fake one in tests.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Restarts allowed within <see cref="RestartWindow"/>; the next failure stops the actor.</summary>
    public int MaxRestarts { get; init; } = 10;

    public TimeSpan RestartWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages one actor handles before yielding its thread to others.</summary>
    public int Throughput { get; init; } = 64;
}
