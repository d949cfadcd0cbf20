namespace Eas.Actors.Devices;

/// <summary>
/// How many requests a device may send (the idea of Exchange's throttling policies): a burst, then a sustained
/// rate, for all its requests and, tighter, for its Pings. A phone Pings once per heartbeat and again after
/// each change it syncs, and syncs a large mailbox in windows back to back; the defaults are far above both,
/// and only a phone in a loop meets them. Zero per minute turns a budget off.
/// </summary>
public sealed record RequestBudgetLimits(int RequestBurst = 600, int RequestsPerMinute = 600, int PingBurst = 60, int PingsPerMinute = 60);

/// <summary>
/// A token bucket: <c>burst</c> tokens, refilled at <c>perMinute</c> a minute; a request takes one. Kept by
/// the device actor in memory (a device that passivated starts full, as a quiet device would be).
/// </summary>
public sealed class RequestBudget(int burst, int perMinute)
{
    private double _tokens = burst;
    private DateTimeOffset? _refilled;

    /// <summary>Takes a token; when none is left, how long until one is, and nothing is taken.</summary>
    public TimeSpan? TryTake(DateTimeOffset now)
    {
        if (perMinute <= 0) return null;
        var perSecond = perMinute / 60.0;
        if (_refilled is { } last) _tokens = Math.Min(burst, _tokens + (Math.Max(0, (now - last).TotalSeconds) * perSecond));
        _refilled = now;
        if (_tokens >= 1)
        {
            _tokens--;
            return null;
        }

        return TimeSpan.FromSeconds(Math.Ceiling((1 - _tokens) / perSecond));
    }
}

/// <summary>Values of the X-MS-ASThrottle response header (MS-ASHTTP 2.2.2.1.2.13).</summary>
public static class ThrottleConditions
{
    /// <summary>The device sent too many commands in a period of time.</summary>
    public const string CommandFrequency = "CommandFrequency";
}
