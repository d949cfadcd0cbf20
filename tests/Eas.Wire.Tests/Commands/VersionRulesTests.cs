using Eas.Wire.Commands.GetItemEstimate;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Commands.Settings;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Wire.Tests.Commands;

/// <summary>
/// Each version rule against the spec's support table, over all seven versions. A row lists, in the order
/// 2.5, 12.0, 12.1, 14.0, 14.1, 16.0, 16.1, whether the version supports the element (1) or not (0).
/// </summary>
public sealed class VersionRulesTests
{
    public static TheoryData<string, Func<ProtocolVersion, bool>, string> Rules => new()
    {
        { "Sync Collection/Class", SyncVersionRules.AllowsCollectionClass, "1110000" },
        { "Sync item and Options Class", SyncVersionRules.AllowsItemClass, "0001111" },
        { "Sync Wait", SyncVersionRules.AllowsWait, "0011111" },
        { "Sync Partial", SyncVersionRules.AllowsPartial, "0011111" },
        { "Sync Limit", SyncVersionRules.AllowsLimit, "0011111" },
        { "Sync HeartbeatInterval", SyncVersionRules.AllowsHeartbeatInterval, "0001111" },
        { "Sync ConversationMode", SyncVersionRules.AllowsConversationMode, "0001111" },
        { "Sync MaxItems", SyncVersionRules.AllowsMaxItems, "0001111" },
        { "Sync BodyPreference", SyncVersionRules.AllowsBodyPreference, "0111111" },
        { "Sync BodyPartPreference", SyncVersionRules.AllowsBodyPartPreference, "0000111" },
        { "Sync RightsManagementSupport", SyncVersionRules.AllowsRightsManagementSupport, "0000111" },
        { "GetItemEstimate Collection/Class", GetItemEstimateVersionRules.AllowsCollectionClass, "1110000" },
        { "GetItemEstimate Collection/FilterType", GetItemEstimateVersionRules.AllowsCollectionFilterType, "1110000" },
        { "GetItemEstimate Options", GetItemEstimateVersionRules.AllowsOptions, "0001111" },
        { "GetItemEstimate ConversationMode", GetItemEstimateVersionRules.AllowsConversationMode, "0001111" },
        { "ItemOperations", ItemOperationsVersionRules.AllowsCommand, "0111111" },
        { "ItemOperations Move", ItemOperationsVersionRules.AllowsMove, "0001111" },
        { "ItemOperations BodyPartPreference", ItemOperationsVersionRules.AllowsBodyPartPreference, "0000111" },
        { "ItemOperations rights management", ItemOperationsVersionRules.AllowsRightsManagement, "0000111" },
        { "Settings", SettingsVersionRules.AllowsCommand, "0111111" },
        { "Settings EnableOutboundSMS, MobileOperator", SettingsVersionRules.AllowsSmsDeviceInformation, "0001111" },
        { "Settings RightsManagementInformation", SettingsVersionRules.AllowsRightsManagementInformation, "0000111" },
        { "Settings Accounts", SettingsVersionRules.AllowsAccounts, "0000111" },
        { "Provision EASProvisionDoc", ProvisionVersionRules.UsesProvisionDoc, "0111111" },
        { "Provision DeviceInformation", ProvisionVersionRules.AllowsDeviceInformation, "0000111" },
        { "Provision AccountOnlyRemoteWipe", ProvisionVersionRules.AllowsAccountOnlyRemoteWipe, "0000001" },
        { "ComposeMail WBXML body", ComposeMailVersionRules.UsesWbxmlBody, "0001111" },
        { "ComposeMail AccountId", ComposeMailVersionRules.AllowsAccountId, "0000111" },
        { "ComposeMail TemplateID", ComposeMailVersionRules.AllowsTemplateId, "0000111" },
        { "ComposeMail Forwardees", ComposeMailVersionRules.AllowsForwardees, "0000011" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_rule_matches_the_support_table(string name, Func<ProtocolVersion, bool> rule, string table)
    {
        var actual = string.Concat(ProtocolVersion.Supported.Select(v => rule(v) ? '1' : '0'));
        actual.ShouldBe(table, name);
    }
}
