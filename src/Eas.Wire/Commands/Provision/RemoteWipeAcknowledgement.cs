namespace Eas.Wire.Commands.Provision;

/// <summary>The outcome of a wipe the client reports (RemoteWipe/Status or AccountOnlyRemoteWipe/Status in a request, MS-ASPROV 2.2.2.54).</summary>
public enum RemoteWipeAcknowledgement
{
    /// <summary>The client wiped, or is about to.</summary>
    Succeeded = 1,

    /// <summary>The client could not wipe.</summary>
    Failed = 2,
}
