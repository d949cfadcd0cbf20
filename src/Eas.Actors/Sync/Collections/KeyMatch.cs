namespace Eas.Actors.Sync.Collections;

/// <summary>How a client's SyncKey relates to the collection's state (MS-ASCMD 2.2.3.166.4).</summary>
public enum KeyMatch
{
    /// <summary>SyncKey 0: start over.</summary>
    Initial,

    /// <summary>The key of the last response: the phone has it; go on from there.</summary>
    Current,

    /// <summary>The key before that: the last response was lost; send it again.</summary>
    Resent,

    /// <summary>Anything else: Status 3, the phone starts over with 0.</summary>
    Invalid,
}
