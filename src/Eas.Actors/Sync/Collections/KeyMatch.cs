namespace Eas.Actors.Sync.Collections;

/// <summary>How a client's SyncKey relates to the collection's state (MS-ASCMD 2.2.3.166.4).</summary>
public enum KeyMatch
{
    /// <summary>SyncKey 0: start over.</summary>
    Initial,

    /// <summary>The key of the last response: the phone has it; go on from there.</summary>
    Current,

    /// <summary>
    /// The key the phone sent for the last response (<see cref="CollectionSyncState.PreviousKey"/>): that response
    /// was lost; answer again from the state the phone held at this key (MS-ASCMD 3.1.5.9).
    /// </summary>
    Resent,

    /// <summary>Anything else: Status 3, the phone starts over with 0.</summary>
    Invalid,
}
