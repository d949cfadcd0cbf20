namespace Eas.Host.Options;

/// <summary><c>Eas:Devices</c>: the housekeeping of an account's devices.</summary>
public sealed class DeviceOptions
{
    /// <summary>
    /// Days a device may stay silent before its partnership is removed as abandoned (its journal deleted, an
    /// audit entry written); it starts as a new device if it comes back. 0 turns the cleanup off.
    /// </summary>
    public double StaleAfterDays { get; set; } = 30;

    /// <summary>The quarantine notice's text and the admins told of quarantined devices (<c>Eas:Devices:Quarantine</c>).</summary>
    public QuarantineOptions Quarantine { get; set; } = new();
}
