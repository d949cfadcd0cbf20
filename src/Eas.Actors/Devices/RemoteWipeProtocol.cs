namespace Eas.Actors.Devices;

/// <summary>
/// An admin (<paramref name="By"/>) orders a wipe of the device (MS-ASPROV 3.2.5.1.2), or of the account's data only
/// (<paramref name="AccountOnly"/>, MS-ASPROV 2.2.2.1, 16.1 devices only); answered with <see cref="RemoteWipeResult"/>.
/// </summary>
public sealed record RequestRemoteWipe(bool AccountOnly, string By) : Cluster.IRoutedToChild;

/// <summary>An admin cancels a wipe the phone has not acknowledged; answered with <see cref="RemoteWipeResult"/>.</summary>
public sealed record CancelRemoteWipe(string By) : Cluster.IRoutedToChild;

/// <summary>The device's state after a wipe order or cancellation, or why it was not taken.</summary>
public sealed record RemoteWipeResult(RemoteWipeRefusal? Refusal, DeviceState? State);

/// <summary>
/// An admin removes the partnership: the device deletes its journal and snapshots and stops, and answers
/// <see cref="PartnershipRemoved"/> once the deletes are done, so the phone's next request starts a new device.
/// </summary>
public sealed record RemovePartnership : Cluster.IRoutedToChild
{
    public static readonly RemovePartnership Instance = new();
}

/// <summary>The answer to <see cref="RemovePartnership"/>: the state that was removed, null when there was no such device.</summary>
public sealed record PartnershipRemoved(DeviceState? State);

/// <summary>
/// The phone acknowledged a remote wipe and is refused until an admin removes the partnership (what Exchange does with
/// a wiped device): HTTP 403, from 14.0 with the command's Status 129 (DeviceIsBlockedForThisUser, MS-ASCMD 2.2.2).
/// </summary>
public sealed record DeviceWiped : CommandOutcome;
