using Eas.Wire.Commands.Settings;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using ProvisionPage = Eas.Wire.CodePages.Provision;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Wire.Commands.Provision;

/// <summary>
/// A Provision response (MS-ASPROV 2.2.2.44): settings:DeviceInformation (14.1+), Status, Policies,
/// RemoteWipe, AccountOnlyRemoteWipe (16.1), in that order. The writer leaves out what the version does
/// not allow (<see cref="ProvisionVersionRules"/>).
/// </summary>
public sealed record ProvisionResponse(ProvisionStatus Status) : IEasResponse
{
    /// <summary>The status of the DeviceInformation the request carried, 14.1+.</summary>
    public SettingsStatus? DeviceInformationStatus { get; init; }

    /// <summary>The policy; written when not null.</summary>
    public ProvisionPolicyResponse? Policy { get; init; }

    /// <summary>Whether to order a full device wipe (an empty RemoteWipe, 2.2.2.45).</summary>
    public bool RemoteWipe { get; init; }

    /// <summary>Whether to order a wipe of this account's data only, 16.1 (2.2.2.1).</summary>
    public bool AccountOnlyRemoteWipe { get; init; }

    /// <summary>Writes the response.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(ProvisionPage.ProvisionElement);
        if (DeviceInformationStatus is { } deviceStatus && ProvisionVersionRules.AllowsDeviceInformation(version))
        {
            writer.StartElement(SettingsPage.DeviceInformation);
            writer.WriteStatus(SettingsPage.Status, deviceStatus);
            writer.EndElement();
        }

        writer.WriteStatus(ProvisionPage.Status, Status);
        if (Policy is { } policy)
        {
            writer.StartElement(ProvisionPage.Policies);
            writer.StartElement(ProvisionPage.Policy);
            writer.WriteElementString(ProvisionPage.PolicyType, policy.PolicyType);
            writer.WriteStatus(ProvisionPage.Status, policy.Status);
            writer.WriteOptional(ProvisionPage.PolicyKey, policy.PolicyKey);
            if (ProvisionVersionRules.UsesProvisionDoc(version) ? policy.ProvisionDoc is not null : policy.WapProvisioningDoc is not null)
            {
                writer.StartElement(ProvisionPage.Data);
                if (ProvisionVersionRules.UsesProvisionDoc(version)) writer.WriteElement(policy.ProvisionDoc!);
                else writer.WriteString(policy.WapProvisioningDoc);
                writer.EndElement();
            }

            writer.EndElement();
            writer.EndElement();
        }

        writer.WriteFlag(ProvisionPage.RemoteWipe, RemoteWipe);
        writer.WriteFlag(ProvisionPage.AccountOnlyRemoteWipe, AccountOnlyRemoteWipe && ProvisionVersionRules.AllowsAccountOnlyRemoteWipe(version));
        writer.EndElement();
    }
}
