using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Settings;

/// <summary>The RightsManagementInformation part of a Settings response, 14.1+ (MS-ASCMD 2.2.3.156).</summary>
public sealed record SettingsRightsManagementResult(SettingsStatus Status)
{
    /// <summary>The rm:RightsManagementTemplates element (MS-ASRM 2.2.2.17), written as given inside Get.</summary>
    public WbxmlElement? Templates { get; init; }
}
