using System.Collections.Immutable;

namespace Eas.Actors.Devices;

/// <summary>
/// How often a device may change its User-Agent (MS-ASHTTP 3.2.5.1.1): servers SHOULD allow two changes
/// within 24 hours and SHOULD block a device that exceeds that for 14 hours. <see cref="MaxChanges"/> 0 turns
/// the rule off.
/// </summary>
public sealed record UserAgentLimits(int MaxChanges = 2)
{
    /// <summary>The period within which changes are counted.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a device that exceeded the limit is refused.</summary>
    public TimeSpan Block { get; init; } = TimeSpan.FromHours(14);
}

/// <summary>What <see cref="UserAgentRules.Decide"/> says about one request.</summary>
/// <param name="BlockedUntil">When the refusal ends; null lets the request through.</param>
/// <param name="Events">The block to record, when this request started it.</param>
public sealed record UserAgentVerdict(DateTimeOffset? BlockedUntil, ImmutableArray<DeviceEvent> Events)
{
    public static readonly UserAgentVerdict Allowed = new(null, []);
}

/// <summary>
/// The pure rule of MS-ASHTTP 3.2.5.1.1. A change is a request whose User-Agent differs from the one the device
/// last sent, both present (a request without the header is not counted). The times of changes are part of the
/// device's state, folded from its <see cref="DeviceContacted"/> events, and a block is an event
/// (<see cref="UserAgentBlocked"/>): both survive a restart, as the protocol's 24 and 14 hours outlast any process.
/// </summary>
public static class UserAgentRules
{
    /// <summary>How many change times a device keeps: more than any sensible limit needs.</summary>
    public const int RememberedChanges = 16;

    /// <summary>Whether <paramref name="userAgent"/> is a change for the device.</summary>
    public static bool IsChange(DeviceState state, string? userAgent) =>
        state.UserAgent is not null && userAgent is not null && !string.Equals(state.UserAgent, userAgent, StringComparison.Ordinal);

    /// <summary>
    /// Refuses a device still blocked; blocks one whose request is its change number <see cref="UserAgentLimits.MaxChanges"/>
    /// + 1 within the window (the request itself is refused, and its User-Agent recorded by the caller, so the
    /// phone that keeps it is not counted again when the block ends).
    /// </summary>
    public static UserAgentVerdict Decide(DeviceState state, string? userAgent, UserAgentLimits limits, DateTimeOffset now)
    {
        if (limits.MaxChanges <= 0) return UserAgentVerdict.Allowed;
        if (state.UserAgentBlockedUntil is { } until && now < until) return new UserAgentVerdict(until, []);
        if (!IsChange(state, userAgent)) return UserAgentVerdict.Allowed;
        var changes = state.UserAgentChanges.Count(at => now - at < limits.Window) + 1;
        if (changes <= limits.MaxChanges) return UserAgentVerdict.Allowed;
        var blockedUntil = now + limits.Block;
        return new UserAgentVerdict(blockedUntil, [new UserAgentBlocked(now, blockedUntil, changes)]);
    }

    /// <summary>The change times after <paramref name="contacted"/>, newest last, bounded.</summary>
    public static ImmutableList<DateTimeOffset> Record(DeviceState state, DeviceContacted contacted)
    {
        if (!IsChange(state, contacted.UserAgent)) return state.UserAgentChanges;
        var changes = state.UserAgentChanges.Add(contacted.At);
        return changes.Count > RememberedChanges ? changes.RemoveRange(0, changes.Count - RememberedChanges) : changes;
    }
}
