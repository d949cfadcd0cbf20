using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>
/// A Sync request (MS-ASCMD 2.2.1.21, 2.2.3.180). An empty HTTP body (12.1+: repeat the cached request) is
/// the host's to handle and never reaches <see cref="Parse"/>. With <see cref="Partial"/> the listed
/// collections replace their cached settings and the rest stay as cached. Which children each version
/// allows is in <see cref="SyncVersionRules"/>.
/// </summary>
public sealed record SyncRequest
{
    /// <summary>The collections to sync; empty only in a Partial request.</summary>
    public ImmutableArray<SyncCollectionRequest> Collections { get; init; } = [];

    /// <summary>Whether the request lists only some of the cached collections, 12.1+ (2.2.3.131).</summary>
    public bool Partial { get; init; }

    /// <summary>Minutes to wait for changes, 12.1+ (2.2.3.198); the host checks the 1-59 range (status 14).</summary>
    public int? Wait { get; init; }

    /// <summary>Seconds to wait for changes, 14.0+ (2.2.3.88.2); the host checks the range (status 14).</summary>
    public int? HeartbeatInterval { get; init; }

    /// <summary>The most changes to return over all collections, 12.1+ (2.2.3.199).</summary>
    public int? WindowSize { get; init; }

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a Sync request for this version.</exception>
    public static SyncRequest Parse(WbxmlElement root, ProtocolVersion version) =>
        SyncRequestReader.Read(new RequestReader(EasCommand.Sync, version), root);
}
