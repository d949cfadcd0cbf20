using Eas.Wire.Wbxml;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Wire.Commands.Settings;

/// <summary>
/// Parses settings:DeviceInformation (MS-ASCMD 2.2.3.45) for the Settings and Provision parsers: exactly
/// one Set (2.2.3.167) holding the device's properties.
/// </summary>
internal static class DeviceInformationReader
{
    public static DeviceInformation Read(in RequestReader reader, WbxmlElement deviceInformation)
    {
        WbxmlElement? set = null;
        foreach (var child in reader.NonEmptyContainer(deviceInformation).Children)
        {
            if (child.Tag != SettingsPage.Set) throw reader.Unexpected(deviceInformation, child);
            reader.Once(ref set, child, reader.Container(child));
        }

        var info = new DeviceInformation();
        foreach (var child in set!.Children)
        {
            info = child.Tag switch
            {
                SettingsPage.Model => info with { Model = Once(reader, child, info.Model) },
                SettingsPage.IMEI => info with { Imei = Once(reader, child, info.Imei) },
                SettingsPage.FriendlyName => info with { FriendlyName = Once(reader, child, info.FriendlyName) },
                SettingsPage.OS => info with { OS = Once(reader, child, info.OS) },
                SettingsPage.OSLanguage => info with { OSLanguage = Once(reader, child, info.OSLanguage) },
                SettingsPage.PhoneNumber => info with { PhoneNumber = Once(reader, child, info.PhoneNumber) },
                SettingsPage.UserAgent => info with { UserAgent = Once(reader, child, info.UserAgent) },
                SettingsPage.MobileOperator => info with { MobileOperator = Once(reader, SmsOnly(reader, child), info.MobileOperator, 1024) },
                SettingsPage.EnableOutboundSMS => info with { EnableOutboundSms = OnceFlag(reader, SmsOnly(reader, child), info.EnableOutboundSms) },
                _ => throw reader.Unexpected(set, child),
            };
        }

        return info;
    }

    private static WbxmlElement SmsOnly(in RequestReader reader, WbxmlElement child)
    {
        reader.RequireVersion(SettingsVersionRules.AllowsSmsDeviceInformation(reader.Version), child, "MS-ASCMD 2.2.3.60, 2.2.3.113");
        return child;
    }

    private static string Once(in RequestReader reader, WbxmlElement child, string? current, int maxLength = int.MaxValue)
    {
        if (current is not null) throw reader.Fail(child.Tag, $"{child.Name} appears more than once");
        var text = reader.Text(child);
        if (text.Length > maxLength) throw reader.Fail(child.Tag, $"{child.Name} is longer than {maxLength} characters");
        return text;
    }

    private static bool OnceFlag(in RequestReader reader, WbxmlElement child, bool? current)
    {
        if (current is not null) throw reader.Fail(child.Tag, $"{child.Name} appears more than once");
        return reader.Flag(child);
    }
}
