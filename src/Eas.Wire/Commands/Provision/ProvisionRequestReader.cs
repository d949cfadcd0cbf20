using Eas.Wire.Commands.Settings;
using Eas.Wire.Wbxml;
using ProvisionPage = Eas.Wire.CodePages.Provision;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Wire.Commands.Provision;

/// <summary>Parses a Provision request (MS-ASPROV 2.2.2.44).</summary>
internal static class ProvisionRequestReader
{
    public static ProvisionRequest Read(in RequestReader reader, WbxmlElement root)
    {
        reader.ExpectRoot(root, ProvisionPage.ProvisionElement);
        DeviceInformation? device = null;
        ProvisionPolicyRequest? policy = null;
        RemoteWipeAcknowledgement? wipe = null, accountWipe = null;
        foreach (var child in root.Children)
        {
            switch (child.Tag)
            {
                case SettingsPage.DeviceInformation:
                    reader.RequireVersion(ProvisionVersionRules.AllowsDeviceInformation(reader.Version), child, "MS-ASPROV 2.2.2.53");
                    reader.Once(ref device, child, DeviceInformationReader.Read(reader, child));
                    break;
                case ProvisionPage.Policies:
                    reader.Once(ref policy, child, ReadPolicies(reader, child));
                    break;
                case ProvisionPage.RemoteWipe:
                    reader.Once(ref wipe, child, ReadWipeStatus(reader, child));
                    break;
                case ProvisionPage.AccountOnlyRemoteWipe:
                    reader.RequireVersion(ProvisionVersionRules.AllowsAccountOnlyRemoteWipe(reader.Version), child, "MS-ASPROV 2.2.2.1");
                    reader.Once(ref accountWipe, child, ReadWipeStatus(reader, child));
                    break;
                default:
                    throw reader.Unexpected(root, child);
            }
        }

        if (policy is null && wipe is null && accountWipe is null) throw reader.Missing(root, ProvisionPage.Policies);
        return new ProvisionRequest { DeviceInformation = device, Policy = policy, RemoteWipe = wipe, AccountOnlyRemoteWipe = accountWipe };
    }

    private static ProvisionPolicyRequest ReadPolicies(in RequestReader reader, WbxmlElement policies)
    {
        ProvisionPolicyRequest? result = null;
        foreach (var policy in reader.NonEmptyContainer(policies).Children)
        {
            if (policy.Tag != ProvisionPage.Policy) throw reader.Unexpected(policies, policy);
            reader.Once(ref result, policy, ReadPolicy(reader, policy));
        }

        return result!;
    }

    private static ProvisionPolicyRequest ReadPolicy(in RequestReader reader, WbxmlElement policy)
    {
        string? type = null;
        long? key = null, status = null;
        foreach (var child in reader.NonEmptyContainer(policy).Children)
        {
            switch (child.Tag)
            {
                case ProvisionPage.PolicyType:
                    reader.Once(ref type, child, reader.NonEmptyText(child));
                    break;
                case ProvisionPage.PolicyKey:
                    reader.Once(ref key, child, reader.Number(child, 0, uint.MaxValue));
                    break;
                case ProvisionPage.Status:
                    reader.Once(ref status, child, reader.Number(child, 1, (long)PolicyAcknowledgement.ExternallyManaged));
                    break;
                default:
                    throw reader.Unexpected(policy, child);
            }
        }

        if (type is null) throw reader.Missing(policy, ProvisionPage.PolicyType);
        if (key is not null && status is null) throw reader.Missing(policy, ProvisionPage.Status);
        if (status is not null && key is null) throw reader.Missing(policy, ProvisionPage.PolicyKey);
        return new ProvisionPolicyRequest(type) { PolicyKey = (uint?)key, Status = (PolicyAcknowledgement?)status };
    }

    private static RemoteWipeAcknowledgement ReadWipeStatus(in RequestReader reader, WbxmlElement wipe)
    {
        long? status = null;
        foreach (var child in reader.NonEmptyContainer(wipe).Children)
        {
            if (child.Tag != ProvisionPage.Status) throw reader.Unexpected(wipe, child);
            reader.Once(ref status, child, reader.Number(child, 1, (long)RemoteWipeAcknowledgement.Failed));
        }

        return (RemoteWipeAcknowledgement)status!.Value;
    }
}
