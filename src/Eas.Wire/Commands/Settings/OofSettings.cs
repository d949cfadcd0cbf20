using System.Collections.Immutable;

namespace Eas.Wire.Commands.Settings;

/// <summary>
/// Out-of-office settings: what a client sets (Oof/Set) and what the server reports (Oof/Get in the
/// response), MS-ASCMD 2.2.3.122. Times are UTC.
/// </summary>
public sealed record OofSettings
{
    /// <summary>Whether OOF is on (2.2.3.124).</summary>
    public OofState? OofState { get; init; }

    /// <summary>When a time-based OOF starts (StartTime, 2.2.3.176.2).</summary>
    public DateTime? StartTime { get; init; }

    /// <summary>When a time-based OOF ends (EndTime, 2.2.3.61.2).</summary>
    public DateTime? EndTime { get; init; }

    /// <summary>The replies per audience.</summary>
    public ImmutableArray<OofMessage> Messages { get; init; } = [];
}
