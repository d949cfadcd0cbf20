using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>
/// A Sync response (MS-ASCMD 2.2.1.21, 2.2.3.180): either a global Status (with Limit for status 14), or
/// the collections. The writer follows the schema's order and leaves out what the version does not allow
/// (<see cref="SyncVersionRules"/>); ApplicationData elements are written as given.
/// </summary>
public sealed record SyncResponse : IEasResponse
{
    /// <summary>The global status, for a request that failed as a whole; written when not null.</summary>
    public SyncStatus? Status { get; init; }

    /// <summary>The allowed Wait or HeartbeatInterval bound that goes with status 14, 12.1+ (2.2.3.97).</summary>
    public int? Limit { get; init; }

    /// <summary>The collections; Collections is left out when empty.</summary>
    public ImmutableArray<SyncCollectionResponse> Collections { get; init; } = [];

    /// <summary>Writes the response.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version) => SyncResponseWriter.Write(writer, this, version);
}
