using System.Collections.Immutable;

namespace Eas.Actors.Accounts;

/// <summary>
/// When a partnership counts as abandoned: a device of the account not heard from for <see cref="IdleTimeout"/>.
/// Outlook for desktop (recent builds) may send a new DeviceId at every start, so an account collects devices
/// that never come back; each keeps its journal (policy key, folder and item sync states) until it is removed.
/// <see cref="IdleTimeout"/> zero turns the cleanup off.
/// </summary>
public sealed record StaleDeviceLimits(TimeSpan IdleTimeout)
{
    /// <summary>The default: 30 days.</summary>
    public static readonly StaleDeviceLimits Default = new(TimeSpan.FromDays(30));

    public bool Enabled => IdleTimeout > TimeSpan.Zero;

    /// <summary>How stale the account's record of a device's last request may get before it is written again (a tenth of the idle time, 1 h to 1 day).</summary>
    public TimeSpan SeenResolution => TimeSpan.FromTicks(Math.Clamp(IdleTimeout.Ticks / 10, TimeSpan.TicksPerHour, TimeSpan.TicksPerDay));

    /// <summary>How often an account looks for abandoned devices while it is active.</summary>
    public TimeSpan SweepInterval => SeenResolution;
}

/// <summary>
/// The pure rules of abandoned partnerships: the account records when each of its devices last sent a request
/// (coarsely, <see cref="StaleDeviceLimits.SeenResolution"/>) and removes those idle longer than the limit. The
/// device sending the current request is never removed.
/// </summary>
public static class StaleDevices
{
    /// <summary>The record of this request, when the device is new to the account or its record is stale.</summary>
    public static AccountDeviceSeen? Seen(AccountState state, string deviceId, DateTimeOffset now, StaleDeviceLimits limits)
    {
        var key = deviceId.ToLowerInvariant();
        return state.Devices.TryGetValue(key, out var seen) && now - seen < limits.SeenResolution ? null : new AccountDeviceSeen(key, now);
    }

    /// <summary>The devices idle for longer than the limit, as removals (audited), oldest first.</summary>
    public static ImmutableArray<AccountDeviceRemoved> Sweep(AccountState state, string? currentDeviceId, DateTimeOffset now, StaleDeviceLimits limits)
    {
        if (!limits.Enabled) return [];
        var current = currentDeviceId?.ToLowerInvariant();
        return [.. state.Devices
            .Where(d => d.Key != current && now - d.Value > limits.IdleTimeout)
            .OrderBy(d => d.Value)
            .Select(d => new AccountDeviceRemoved(state.AccountId, d.Key, d.Value, now))];
    }

    /// <summary>Folds a device record or removal into the account's state.</summary>
    public static AccountState Apply(AccountState state, IAccountDeviceEvent e) => e switch
    {
        AccountDeviceSeen seen => state with { Devices = state.Devices.SetItem(seen.DeviceId, seen.At) },
        AccountDeviceRemoved removed => state with { Devices = state.Devices.Remove(removed.DeviceId) },
        _ => state,
    };
}
