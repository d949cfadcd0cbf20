using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Wire.Commands.Settings;

/// <summary>Writes a Settings response in the order of MS-ASCMD 2.2.3.168.2.</summary>
internal static class SettingsResponseWriter
{
    public static void Write(WbxmlWriter writer, SettingsResponse response, ProtocolVersion version)
    {
        writer.StartElement(SettingsPage.SettingsElement);
        writer.WriteStatus(SettingsPage.Status, response.Status);
        if (response.RightsManagementInformation is { } rights && SettingsVersionRules.AllowsRightsManagementInformation(version))
        {
            writer.StartElement(SettingsPage.RightsManagementInformation);
            writer.WriteStatus(SettingsPage.Status, rights.Status);
            if (rights.Templates is { } templates)
            {
                writer.StartElement(SettingsPage.Get);
                writer.WriteElement(templates);
                writer.EndElement();
            }

            writer.EndElement();
        }

        if (response.Oof is { } oof) WriteOof(writer, oof);
        WriteStatusOnly(writer, SettingsPage.DeviceInformation, response.DeviceInformationStatus);
        WriteStatusOnly(writer, SettingsPage.DevicePassword, response.DevicePasswordStatus);
        if (response.UserInformation is { } user) WriteUserInformation(writer, user, version);
        writer.EndElement();
    }

    private static void WriteOof(WbxmlWriter writer, SettingsOofResult oof)
    {
        writer.StartElement(SettingsPage.Oof);
        writer.WriteStatus(SettingsPage.Status, oof.Status);
        if (oof.Get is { } get)
        {
            writer.StartElement(SettingsPage.Get);
            if (get.OofState is { } state) writer.WriteElementInt(SettingsPage.OofState, (int)state);
            writer.WriteOptional(SettingsPage.StartTime, get.StartTime);
            writer.WriteOptional(SettingsPage.EndTime, get.EndTime);
            foreach (var message in get.Messages.IsDefault ? [] : get.Messages)
            {
                writer.StartElement(SettingsPage.OofMessage);
                writer.WriteEmptyElement(message.Audience switch
                {
                    OofAudience.Internal => SettingsPage.AppliesToInternal,
                    OofAudience.ExternalKnown => SettingsPage.AppliesToExternalKnown,
                    _ => SettingsPage.AppliesToExternalUnknown,
                });
                if (message.Enabled is { } enabled) writer.WriteElementInt(SettingsPage.Enabled, enabled ? 1 : 0);
                writer.WriteOptional(SettingsPage.ReplyMessage, message.ReplyMessage);
                writer.WriteOptional(SettingsPage.BodyType, message.BodyType);
                writer.EndElement();
            }

            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteStatusOnly(WbxmlWriter writer, ushort tag, SettingsStatus? status)
    {
        if (status is not { } value) return;
        writer.StartElement(tag);
        writer.WriteStatus(SettingsPage.Status, value);
        writer.EndElement();
    }

    private static void WriteUserInformation(WbxmlWriter writer, SettingsUserInformationResult user, ProtocolVersion version)
    {
        writer.StartElement(SettingsPage.UserInformation);
        writer.WriteStatus(SettingsPage.Status, user.Status);
        var accounts = user.Accounts.IsDefault ? [] : user.Accounts;
        if (accounts.Length > 0)
        {
            writer.StartElement(SettingsPage.Get);
            if (SettingsVersionRules.AllowsAccounts(version))
            {
                writer.StartElement(SettingsPage.Accounts);
                foreach (var account in accounts) WriteAccount(writer, account);
                writer.EndElement();
            }
            else
            {
                writer.StartElement(SettingsPage.EmailAddresses);
                foreach (var account in accounts)
                {
                    writer.WriteOptional(SettingsPage.SMTPAddress, account.PrimarySmtpAddress);
                    foreach (var address in account.SmtpAddresses) writer.WriteElementString(SettingsPage.SMTPAddress, address);
                }

                writer.EndElement();
            }

            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteAccount(WbxmlWriter writer, SettingsAccount account)
    {
        writer.StartElement(SettingsPage.Account);
        writer.WriteOptional(SettingsPage.AccountId, account.AccountId);
        writer.WriteOptional(SettingsPage.AccountName, account.AccountName);
        writer.WriteOptional(SettingsPage.UserDisplayName, account.UserDisplayName);
        if (account.SendDisabled is { } disabled) writer.WriteElementInt(SettingsPage.SendDisabled, disabled ? 1 : 0);
        writer.StartElement(SettingsPage.EmailAddresses);
        foreach (var address in account.SmtpAddresses) writer.WriteElementString(SettingsPage.SMTPAddress, address);
        writer.WriteOptional(SettingsPage.PrimarySmtpAddress, account.PrimarySmtpAddress);
        writer.EndElement();
        writer.EndElement();
    }
}
