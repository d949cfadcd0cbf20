using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Settings;

/// <summary>
/// A Settings response (MS-ASCMD 2.2.1.18, 2.2.3.168.2): the global status, then one part per setting
/// the request touched. The writer leaves out what the version does not allow
/// (<see cref="SettingsVersionRules"/>).
/// </summary>
public sealed record SettingsResponse(SettingsStatus Status) : IEasResponse
{
    /// <summary>The answer to RightsManagementInformation/Get, 14.1+.</summary>
    public SettingsRightsManagementResult? RightsManagementInformation { get; init; }

    /// <summary>The answer to Oof/Get or Oof/Set.</summary>
    public SettingsOofResult? Oof { get; init; }

    /// <summary>The status of DeviceInformation/Set.</summary>
    public SettingsStatus? DeviceInformationStatus { get; init; }

    /// <summary>The status of DevicePassword/Set.</summary>
    public SettingsStatus? DevicePasswordStatus { get; init; }

    /// <summary>The answer to UserInformation/Get.</summary>
    public SettingsUserInformationResult? UserInformation { get; init; }

    /// <summary>
    /// Writes the response: Status, then RightsManagementInformation, Oof, DeviceInformation,
    /// DevicePassword, UserInformation, each with its own Status first.
    /// </summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version) => SettingsResponseWriter.Write(writer, this, version);
}
