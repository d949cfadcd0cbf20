namespace Eas.Host.Options;

/// <summary>
/// How many requests each device may send (<see cref="Eas.Actors.Devices.RequestBudgetLimits"/>); a device over
/// a budget is answered 503 with Retry-After and X-MS-ASThrottle. Zero per minute turns a budget off.
/// </summary>
public sealed class BudgetOptions
{
    /// <summary>Requests a device may send at once after a quiet time.</summary>
    public int RequestBurst { get; set; } = 600;

    /// <summary>Requests a device may send per minute, sustained.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Pings a device may send at once after a quiet time.</summary>
    public int PingBurst { get; set; } = 60;

    /// <summary>Pings a device may send per minute, sustained.</summary>
    public int PingsPerMinute { get; set; } = 60;
}
