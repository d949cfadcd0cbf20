namespace Eas.Actors.Devices;

/// <summary>What a phone says about itself in Settings or Provision (MS-ASCMD 2.2.3.53, DeviceInformation/Set).</summary>
public sealed record DeviceInformation
{
    public string? Model { get; init; }
    public string? Imei { get; init; }
    public string? FriendlyName { get; init; }
    public string? OperatingSystem { get; init; }
    public string? OperatingSystemLanguage { get; init; }
    public string? PhoneNumber { get; init; }
    public string? MobileOperator { get; init; }
    public string? UserAgent { get; init; }
    public bool? EnableOutboundSms { get; init; }
}
