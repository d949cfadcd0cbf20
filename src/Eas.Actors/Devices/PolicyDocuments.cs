using System.Globalization;
using System.Security;
using System.Text;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using ProvisionPage = Eas.Wire.CodePages.Provision;

namespace Eas.Actors.Devices;

/// <summary>
/// The configured policy in the two forms phones read: the EASProvisionDoc element for 12.0 and later
/// (MS-ASPROV 2.2.2.27) and the Windows Mobile WAP provisioning XML for 2.5 (MS-ASPROV 2.2.2.24.2).
/// </summary>
public static class PolicyDocuments
{
    /// <summary>The setting names that are simple EASProvisionDoc values (lists of applications are not configurable here).</summary>
    public static bool IsKnownSetting(string name) =>
        CodePageTable.TryGetTag(ProvisionPage.Namespace, name, out var tag) && tag > ProvisionPage.EASProvisionDoc
        && tag is not (ProvisionPage.UnapprovedInROMApplicationList or ProvisionPage.ApprovedApplicationList
            or ProvisionPage.ApplicationName or ProvisionPage.Hash or ProvisionPage.AccountOnlyRemoteWipe);

    /// <summary>The EASProvisionDoc element, settings in token order (the order of the spec's schema).</summary>
    public static WbxmlElement EasProvisionDoc(DevicePolicy policy)
    {
        var doc = new WbxmlElement(ProvisionPage.EASProvisionDoc);
        var settings = policy.Settings
            .Select(pair => (Tag: CodePageTable.TryGetTag(ProvisionPage.Namespace, pair.Key, out var tag) ? tag : (ushort)0, pair.Value))
            .Where(setting => setting.Tag != 0)
            .OrderBy(setting => setting.Tag);
        foreach (var (tag, value) in settings) doc.Add(WbxmlElement.WithText(tag, value));
        return doc;
    }

    /// <summary>
    /// The 2.5 form: a SecurityPolicy characteristic (4131: 0 when a device password is required, else 1;
    /// 4133: 1) and the LASSD registry branches for the inactivity lock, the wipe threshold, the minimum
    /// length and the complexity of the password.
    /// </summary>
    public static string WapProvisioningDoc(DevicePolicy policy)
    {
        var passwordRequired = Setting(policy, "DevicePasswordEnabled") == 1;
        var inactivitySeconds = Setting(policy, "MaxInactivityTimeDeviceLock");
        var failedAttempts = Setting(policy, "MaxDevicePasswordFailedAttempts");
        var minimumLength = Setting(policy, "MinDevicePasswordLength") ?? 1;
        var alphanumeric = Setting(policy, "AlphanumericDevicePasswordRequired") == 1;

        var xml = new StringBuilder();
        xml.Append("<wap-provisioningdoc>");
        xml.Append("<characteristic type=\"SecurityPolicy\">");
        Parm(xml, "4131", passwordRequired ? 0 : 1);
        Parm(xml, "4133", 1);
        xml.Append("</characteristic>");
        if (passwordRequired)
        {
            xml.Append("<characteristic type=\"Registry\">");
            Branch(xml, "HKLM\\Comm\\Security\\Policy\\LASSD\\AE\\{50C13377-C66D-400C-889E-C316FC4AB374}",
                ("AEFrequencyType", inactivitySeconds is > 0 ? 1 : 0), ("AEFrequencyValue", Math.Max(1, (inactivitySeconds ?? 0) / 60)));
            Branch(xml, "HKLM\\Comm\\Security\\Policy\\LASSD", ("DeviceWipeThreshold", failedAttempts ?? -1));
            Branch(xml, "HKLM\\Comm\\Security\\Policy\\LASSD", ("CodewordFrequency", Math.Max(1, (failedAttempts ?? 8) / 2)));
            Branch(xml, "HKLM\\Comm\\Security\\Policy\\LASSD\\LAP\\lap_pw", ("MinimumPasswordLength", minimumLength));
            Branch(xml, "HKLM\\Comm\\Security\\Policy\\LASSD\\LAP\\lap_pw", ("PasswordComplexity", alphanumeric ? 0 : 2));
            xml.Append("</characteristic>");
        }

        xml.Append("</wap-provisioningdoc>");
        return xml.ToString();
    }

    private static int? Setting(DevicePolicy policy, string name) =>
        policy.Settings.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static void Branch(StringBuilder xml, string type, params (string Name, int Value)[] parms)
    {
        xml.Append("<characteristic type=\"").Append(SecurityElement.Escape(type)).Append("\">");
        foreach (var (name, value) in parms) Parm(xml, name, value);
        xml.Append("</characteristic>");
    }

    private static void Parm(StringBuilder xml, string name, int value) =>
        xml.Append("<parm name=\"").Append(name).Append("\" value=\"").Append(value.ToString(CultureInfo.InvariantCulture)).Append("\"/>");
}
