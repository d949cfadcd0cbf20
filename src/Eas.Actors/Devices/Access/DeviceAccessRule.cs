using System.Text.Json.Serialization;

namespace Eas.Actors.Devices.Access;

/// <summary>
/// The access a device is given: Exchange's Allow/Block/Quarantine list (the device access states of Exchange 2010
/// and later; the protocol itself only carries the refusal, MS-ASCMD 2.2.2 Status 129 DeviceIsBlockedForThisUser).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceAccessLevel>))]
public enum DeviceAccessLevel
{
    /// <summary>The device syncs normally.</summary>
    Allow,

    /// <summary>The device is refused every command.</summary>
    Block,

    /// <summary>The device may Provision, send Settings and FolderSync, syncs nothing else, until an admin approves or blocks it.</summary>
    Quarantine,
}

/// <summary>What a rule looks at. DeviceType is from the request line (MS-ASHTTP 2.2.1.1.1.2.4); the model and OS from Settings or Provision DeviceInformation (MS-ASCMD 2.2.3.53); the User-Agent from the request header, else from DeviceInformation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceCharacteristic>))]
public enum DeviceCharacteristic
{
    DeviceType,
    DeviceModel,
    UserAgent,
    OperatingSystem,
}

/// <summary>What the server knows about a device when it decides its access.</summary>
public sealed record DeviceFacts(string? DeviceType, string? Model, string? UserAgent, string? OperatingSystem)
{
    /// <summary>The facts of a device's state: the request line's type and User-Agent, else DeviceInformation's.</summary>
    public static DeviceFacts Of(DeviceState state) => new(
        state.DeviceType, state.Information?.Model, state.UserAgent ?? state.Information?.UserAgent, state.Information?.OperatingSystem);

    public string? Get(DeviceCharacteristic characteristic) => characteristic switch
    {
        DeviceCharacteristic.DeviceType => DeviceType,
        DeviceCharacteristic.DeviceModel => Model,
        DeviceCharacteristic.UserAgent => UserAgent,
        _ => OperatingSystem,
    };
}

/// <summary>
/// One device access rule. <see cref="Pattern"/> matches the characteristic's whole value, ignoring case; a pattern
/// ending in <c>*</c> matches every value that starts with what comes before it (<c>iOS 17*</c>), and <c>*</c> alone
/// matches any value that is present. A device that has not reported the characteristic (no DeviceInformation yet)
/// matches no rule on it.
/// </summary>
public sealed record DeviceAccessRule(DeviceCharacteristic Characteristic, string Pattern, DeviceAccessLevel Level)
{
    /// <summary>The longest pattern accepted (DeviceType and DeviceModel are at most 32 characters in MS-ASCMD; User-Agent and OS longer).</summary>
    public const int MaxPatternLength = 256;

    public bool Matches(DeviceFacts facts)
    {
        if (facts.Get(Characteristic) is not { Length: > 0 } value) return false;
        return Pattern.EndsWith('*')
            ? value.StartsWith(Pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(value, Pattern, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why the rule cannot be stored, or null: a blank or over-long pattern, or a <c>*</c> anywhere but at the end.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(Pattern) ? "a rule needs a pattern"
        : Pattern.Length > MaxPatternLength ? $"a pattern is at most {MaxPatternLength} characters"
        : Pattern.IndexOf('*') is var star && star >= 0 && star != Pattern.Length - 1 ? "'*' may only end a pattern"
        : !Enum.IsDefined(Characteristic) || !Enum.IsDefined(Level) ? "unknown characteristic or access level"
        : null;
}
