using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Settings;

/// <summary>
/// A Settings request (MS-ASCMD 2.2.1.18), 12.0+: any combination of reading or setting OOF, setting the
/// device password, sending device information, and reading user or rights management information.
/// Which children each version allows is in <see cref="SettingsVersionRules"/>.
/// </summary>
public sealed record SettingsRequest
{
    /// <summary>The body type wanted for OOF messages (Oof/Get/BodyType: <c>Text</c> or <c>HTML</c>); null when OOF is not read.</summary>
    public string? OofGetBodyType { get; init; }

    /// <summary>The OOF settings to apply (Oof/Set); null when OOF is not set.</summary>
    public OofSettings? OofSet { get; init; }

    /// <summary>The recovery password to store (DevicePassword/Set/Password); null when absent, empty to clear it.</summary>
    public string? DevicePassword { get; init; }

    /// <summary>The device's description (DeviceInformation/Set); null when absent.</summary>
    public DeviceInformation? DeviceInformation { get; init; }

    /// <summary>Whether the client asks for its email addresses and accounts (UserInformation/Get).</summary>
    public bool GetUserInformation { get; init; }

    /// <summary>Whether the client asks for the rights management templates, 14.1+ (RightsManagementInformation/Get).</summary>
    public bool GetRightsManagementInformation { get; init; }

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a Settings request for this version.</exception>
    public static SettingsRequest Parse(WbxmlElement root, ProtocolVersion version) =>
        SettingsRequestReader.Read(new RequestReader(EasCommand.Settings, version), root);
}
