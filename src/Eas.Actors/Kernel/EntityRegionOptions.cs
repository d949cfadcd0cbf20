namespace Eas.Actors.Kernel;

/// <summary>Passivation settings of one <see cref="EntityRegion"/>.</summary>
public sealed class EntityRegionOptions
{
    /// <summary>An entity that has handled no message for this long is passivated, unless it vetoes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the region looks for idle entities; defaults to a quarter of <see cref="IdleTimeout"/>
    /// (at least one second), so an entity lives between 1 and 1.25 idle timeouts after its last message.</summary>
    public TimeSpan? SweepInterval { get; init; }
}
