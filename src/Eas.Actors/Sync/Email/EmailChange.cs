using System.Collections.Immutable;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// What a client changed on an email in a Sync Change (MS-ASEMAIL 3.1.5.3): the read state, the flag and
/// the categories are all a client may change on a received message. A null member was not in the request
/// and stays as it is.
/// </summary>
public sealed record EmailChange
{
    /// <summary>The new read state (email:Read), or null when unchanged.</summary>
    public bool? Read { get; init; }

    /// <summary>The new flag (email:Flag, 12.0+); <see cref="EmailFlagStatus.Cleared"/> when the client cleared it.</summary>
    public EmailFlag? Flag { get; init; }

    /// <summary>The new categories (email:Categories, 14.0+); empty when the client removed them all.</summary>
    public ImmutableArray<string>? Categories { get; init; }

    /// <summary>Whether the request changed nothing this server keeps.</summary>
    public bool IsEmpty => Read is null && Flag is null && Categories is null;
}
