using Eas.Actors.Devices;

namespace Eas.Actors.Cluster;

/// <summary>
/// The budgets an account entity keeps over all its devices (the idea of Exchange's throttling policies): how
/// many requests of one device may be in flight at once, and how many requests all the account's devices may
/// send, as a burst and then per minute. A phone has a parked Ping and one or two commands running at most,
/// and an account a handful of phones; the defaults are far above both. Zero turns a budget off.
/// </summary>
public sealed record AccountBudgetLimits(int MaxConcurrentPerDevice = 5, int RequestBurst = 1200, int RequestsPerMinute = 1200);

/// <summary>
/// What the account entity checks before it routes a device's request: the device's requests in flight (routed
/// and not yet settled, <see cref="RequestSettled"/>) and the account's token bucket. A request the device has
/// parked (a Ping, a waiting Sync) is settled when it parks: the device's next request ends it, so it never
/// counts twice. Kept in memory by the entity; an entity that passivated starts with full budgets.
/// </summary>
public sealed class AccountBudget(AccountBudgetLimits limits)
{
    /// <summary>Budget label of the concurrency limit (logs, <c>eas_throttled_total</c>).</summary>
    public const string DeviceConcurrency = "device_concurrency";

    /// <summary>Budget label of the account's requests per minute.</summary>
    public const string AccountRequests = "account_requests";

    /// <summary>How long a device over its concurrency limit is asked to wait: its running request is usually done by then.</summary>
    private static readonly TimeSpan ConcurrencyRetry = TimeSpan.FromSeconds(2);

    private readonly RequestBudget _requests = new(limits.RequestBurst, limits.RequestsPerMinute);
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Admits a request of <paramref name="device"/> (counting it in flight), or says which budget it is over.</summary>
    public Throttled? TryAdmit(string device, DateTimeOffset now)
    {
        var running = _inFlight.GetValueOrDefault(device);
        if (limits.MaxConcurrentPerDevice > 0 && running >= limits.MaxConcurrentPerDevice)
            return new Throttled(ThrottleConditions.CommandFrequency, DeviceConcurrency, ConcurrencyRetry);
        if (_requests.TryTake(now) is { } wait) return new Throttled(ThrottleConditions.CommandFrequency, AccountRequests, wait);
        _inFlight[device] = running + 1;
        return null;
    }

    /// <summary>The device answered or parked one of its requests.</summary>
    public void Settled(string device)
    {
        if (!_inFlight.TryGetValue(device, out var running)) return;
        if (running <= 1) _inFlight.Remove(device);
        else _inFlight[device] = running - 1;
    }

    /// <summary>The device's actor stopped: only the <paramref name="held"/> requests waiting for its next incarnation are in flight.</summary>
    public void Restart(string device, int held)
    {
        if (held > 0) _inFlight[device] = held;
        else _inFlight.Remove(device);
    }

    /// <summary>
    /// A request of <paramref name="device"/> admitted before its actor failed comes back to go to the next one: in flight
    /// again, without a second check against the budgets it already passed.
    /// </summary>
    public void Readmit(string device) => _inFlight[device] = _inFlight.GetValueOrDefault(device) + 1;

    /// <summary>Requests of <paramref name="device"/> in flight now.</summary>
    public int InFlight(string device) => _inFlight.GetValueOrDefault(device);
}
