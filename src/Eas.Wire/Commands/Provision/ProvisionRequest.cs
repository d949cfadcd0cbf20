using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using DeviceInformation = Eas.Wire.Commands.Settings.DeviceInformation;

namespace Eas.Wire.Commands.Provision;

/// <summary>
/// A Provision request (MS-ASPROV 2.2.2.44): ask for the policy (with device information from 14.1 on),
/// acknowledge it, or acknowledge a remote wipe. At least one of Policies, RemoteWipe and
/// AccountOnlyRemoteWipe is present.
/// </summary>
public sealed record ProvisionRequest
{
    /// <summary>The device's description, 14.1+, sent with the initial request (2.2.2.53).</summary>
    public DeviceInformation? DeviceInformation { get; init; }

    /// <summary>The policy asked for or acknowledged (Policies/Policy); null for a wipe acknowledgement.</summary>
    public ProvisionPolicyRequest? Policy { get; init; }

    /// <summary>The outcome of a remote wipe (RemoteWipe/Status, 2.2.2.45).</summary>
    public RemoteWipeAcknowledgement? RemoteWipe { get; init; }

    /// <summary>The outcome of an account-only wipe, 16.1 (AccountOnlyRemoteWipe/Status, 2.2.2.1).</summary>
    public RemoteWipeAcknowledgement? AccountOnlyRemoteWipe { get; init; }

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a Provision request for this version.</exception>
    public static ProvisionRequest Parse(WbxmlElement root, ProtocolVersion version) =>
        ProvisionRequestReader.Read(new RequestReader(EasCommand.Provision, version), root);
}
