using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>
/// A new item from the client (Add, MS-ASCMD 2.2.3.7.2): the client's temporary id, and the item as the
/// airsync:ApplicationData element, left for the class-specific codec.
/// </summary>
/// <param name="ClientId">The client's id for the item, at most 64 characters (ClientId).</param>
/// <param name="ApplicationData">The airsync:ApplicationData element as received (2.2.3.11).</param>
public sealed record SyncClientAdd(string ClientId, WbxmlElement ApplicationData) : SyncClientCommand
{
    /// <summary>The item's class when it differs from the folder's (SMS), 14.0+ (2.2.3.27.6).</summary>
    public string? Class { get; init; }

    /// <summary>email2:Send was present: the new email is to be sent, not kept as a draft (16.0+, MS-ASEMAIL 2.2.2.69).</summary>
    public bool Send { get; init; }
}
