namespace Eas.Wire.Commands.Settings;

/// <summary>
/// What a device says about itself (DeviceInformation/Set, MS-ASCMD 2.2.3.45 and 2.2.3.167), in a
/// Settings request or, from 14.1 on, in the initial Provision request (MS-ASPROV 2.2.2.53). Every field
/// is optional; EnableOutboundSMS and MobileOperator are 14.0+.
/// </summary>
public sealed record DeviceInformation
{
    /// <summary>The device model (2.2.3.115).</summary>
    public string? Model { get; init; }

    /// <summary>The IMEI (2.2.3.91).</summary>
    public string? Imei { get; init; }

    /// <summary>The name the user gave the device (2.2.3.81).</summary>
    public string? FriendlyName { get; init; }

    /// <summary>The operating system (2.2.3.127).</summary>
    public string? OS { get; init; }

    /// <summary>The operating system's language (2.2.3.128).</summary>
    public string? OSLanguage { get; init; }

    /// <summary>The device's phone number (2.2.3.134).</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The client's user agent (2.2.3.190).</summary>
    public string? UserAgent { get; init; }

    /// <summary>Whether the server may send SMS through the device, 14.0+ (2.2.3.60).</summary>
    public bool? EnableOutboundSms { get; init; }

    /// <summary>The mobile operator, at most 1024 characters, 14.0+ (2.2.3.113).</summary>
    public string? MobileOperator { get; init; }
}
