using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The Settings response (MS-ASCMD 2.2.1.18, schema 6.37): all groups almost throughout, so order is free
/// but each child occurs once; Oof's Get is a sequence (OofState, StartTime, EndTime, up to three OofMessage).
/// RightsManagementInformation's Get is required in the schema; the prose leaves it out when the status is an
/// error (2.2.3.148), so it is taken as optional.
/// </summary>
internal static class SettingsResponseSchema
{
    private static readonly SchemaElement EmailAddresses = Node(SettingsPage.EmailAddresses,
        Value(SettingsPage.SMTPAddress).Optional().Many(),
        Value(SettingsPage.PrimarySmtpAddress).Optional());

    private static readonly SchemaElement OofMessage = Node(SettingsPage.OofMessage, All(OptionalValues(
        SettingsPage.AppliesToInternal, SettingsPage.AppliesToExternalKnown, SettingsPage.AppliesToExternalUnknown,
        SettingsPage.Enabled, SettingsPage.ReplyMessage, SettingsPage.BodyType)));

    private static readonly SchemaElement Oof = Node(SettingsPage.Oof, All(
        Value(SettingsPage.Status).Optional(),
        Node(SettingsPage.Get,
            Value(SettingsPage.OofState).Optional(),
            Value(SettingsPage.StartTime).Optional(),
            Value(SettingsPage.EndTime).Optional(),
            OofMessage.Optional().Many(3)).Optional()));

    private static readonly SchemaElement Accounts = Node(SettingsPage.Accounts,
        Node(SettingsPage.Account, All(
            Value(SettingsPage.AccountId).Optional(),
            Value(SettingsPage.AccountName).Optional(),
            Value(SettingsPage.UserDisplayName).Optional(),
            Value(SettingsPage.SendDisabled).Optional(),
            EmailAddresses.Optional())).Many());

    private static readonly SchemaElement RightsManagementTemplates = Node(RightsManagement.RightsManagementTemplates,
        Node(RightsManagement.RightsManagementTemplate,
            Value(RightsManagement.TemplateID), Value(RightsManagement.TemplateName), Value(RightsManagement.TemplateDescription)).Optional().Many());

    private static SchemaElement StatusOnly(ushort tag) => Node(tag, All(Value(SettingsPage.Status).Optional()));

    public static readonly SchemaElement Root = Node(SettingsPage.SettingsElement, All(
        Value(SettingsPage.Status).Optional(),
        Oof.Optional(),
        StatusOnly(SettingsPage.DeviceInformation).Optional(),
        StatusOnly(SettingsPage.DevicePassword).Optional(),
        Node(SettingsPage.UserInformation, All(
            Value(SettingsPage.Status).Optional(),
            Node(SettingsPage.Get, All(EmailAddresses.Optional(), Accounts.Optional())).Optional())).Optional(),
        Node(SettingsPage.RightsManagementInformation, All(
            Value(SettingsPage.Status).Optional(),
            Node(SettingsPage.Get, All(RightsManagementTemplates)).Optional())).Optional()));
}
