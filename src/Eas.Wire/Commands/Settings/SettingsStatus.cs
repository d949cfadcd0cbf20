namespace Eas.Wire.Commands.Settings;

/// <summary>
/// The Settings status (MS-ASCMD 2.2.3.177.15), global on Settings and per setting (Oof, DevicePassword,
/// DeviceInformation, UserInformation, RightsManagementInformation); also the status of
/// settings:DeviceInformation in a Provision response (MS-ASPROV 2.2.2.53). From 14.0 on a
/// <see cref="CommonStatus"/> value may stand in the global Status instead, cast to this type. A request
/// <see cref="SettingsRequest.Parse"/> rejects with <see cref="EasRequestFormatException"/> is answered
/// with a global <see cref="ProtocolError"/>.
/// </summary>
public enum SettingsStatus
{
    /// <summary>Success.</summary>
    Success = 1,

    /// <summary>The request is malformed; the client fixes its request (the answer to a malformed body).</summary>
    ProtocolError = 2,

    /// <summary>The user may not read or change this setting; the client stops trying.</summary>
    AccessDenied = 3,

    /// <summary>The server cannot serve the setting now; the client retries later.</summary>
    ServerUnavailable = 4,

    /// <summary>A value is invalid (for example an OOF end before its start); the client fixes the value.</summary>
    InvalidArguments = 5,

    /// <summary>Values contradict each other; the client fixes the request.</summary>
    ConflictingArguments = 6,

    /// <summary>A policy forbids the change; the client stops trying.</summary>
    DeniedByPolicy = 7,
}
