using System.Globalization;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests.Support;

/// <summary>Request bodies as phones send them, built from the spec's element tables.</summary>
internal static class EasRequests
{
    public const string EasPolicyType = "MS-EAS-Provisioning-WBXML";
    public const string WapPolicyType = "MS-WAP-Provisioning-XML";

    public static string PolicyTypeFor(string version) => version == "2.5" ? WapPolicyType : EasPolicyType;

    /// <summary>Phase 1 (MS-ASPROV 3.1.5.1.1); 14.1+ phones add their DeviceInformation.</summary>
    public static WbxmlElement ProvisionDownload(string policyType, bool withDeviceInformation = false)
    {
        var provision = new WbxmlElement(Provision.ProvisionElement);
        if (withDeviceInformation) provision.Add(DeviceInformation("iPhone15,2", "iOS 17.4"));
        return provision.Add(WithChildren(Provision.Policies,
            WithChildren(Provision.Policy, WithText(Provision.PolicyType, policyType))));
    }

    /// <summary>Phase 2 (MS-ASPROV 3.1.5.1.2): acknowledge the temporary key with how the policy was applied.</summary>
    public static WbxmlElement ProvisionAcknowledge(string policyType, uint temporaryKey, int applyStatus = 1) =>
        WithChildren(Provision.ProvisionElement,
            WithChildren(Provision.Policies,
                WithChildren(Provision.Policy,
                    WithText(Provision.PolicyType, policyType),
                    WithText(Provision.PolicyKey, temporaryKey.ToString(CultureInfo.InvariantCulture)),
                    WithText(Provision.Status, applyStatus.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>Settings with DeviceInformation/Set and UserInformation/Get (MS-ASCMD 2.2.1.18).</summary>
    public static WbxmlElement SettingsWithDeviceInformation(string model, string os) =>
        WithChildren(Settings.SettingsElement,
            DeviceInformation(model, os),
            WithChildren(Settings.UserInformation, new WbxmlElement(Settings.Get)));

    private static WbxmlElement DeviceInformation(string model, string os) =>
        WithChildren(Settings.DeviceInformation,
            WithChildren(Settings.Set,
                WithText(Settings.Model, model),
                WithText(Settings.FriendlyName, "Test phone"),
                WithText(Settings.OS, os),
                WithText(Settings.OSLanguage, "en-US")));
}
