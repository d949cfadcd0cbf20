using Eas.Wire.Http;

namespace Eas.Host.Diagnostics.Live;

/// <summary>
/// Request counters for <c>GET /admin/api/stats</c>, fed by the ActiveSync endpoint: per command (requests,
/// server errors, durations, requests in flight) and the busiest devices and accounts. Built to stay on under
/// the full load, 10,000 parked Pings included: a request costs a few interlocked operations on a per-command
/// slot found by array index, and one short lock on a stripe of each busiest table; no allocation for a
/// device or account already in the tables. Memory is bounded by <see cref="BusiestCapacity"/>.
/// Unlike the meter's instruments these counters carry user and device ids, which is why only admins see them.
/// </summary>
public sealed class LiveStats : IDisposable
{
    /// <summary>The most devices, and the most accounts, the busiest tables hold.</summary>
    public const int BusiestCapacity = 4096;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly CommandCounters?[] _commands;
    private readonly CommandCounters _unknown = new("unknown");
    private readonly BusiestTable<(string Account, string DeviceId)> _devices = new(BusiestCapacity);
    private readonly BusiestTable<string> _accounts = new(BusiestCapacity);
    private readonly TimeProvider _clock;
    private readonly ITimer _rotation;
    private long _windowStarted;
    private long _minuteStarted;

    public LiveStats(TimeProvider clock)
    {
        _clock = clock;
        var commands = Enum.GetValues<EasCommand>();
        _commands = new CommandCounters?[commands.Max(c => (int)c) + 1];
        foreach (var command in commands) _commands[(int)command] = new CommandCounters(command.ToWireName());
        _windowStarted = _minuteStarted = clock.GetTimestamp();
        _rotation = clock.CreateTimer(static state => ((LiveStats)state!).Rotate(), this, Minute, Minute);
    }

    /// <summary>The request's command is known: it counts as in flight until <see cref="Completed"/>.</summary>
    public void Started(EasCommand command) => _commands[(int)command]!.Started();

    /// <summary>
    /// A request is answered. <paramref name="command"/> is null when it was refused before its command was
    /// known (sign-in, a bad request line); <paramref name="user"/> and <paramref name="deviceId"/> are
    /// <c>-</c> when unknown.
    /// </summary>
    public void Completed(EasCommand? command, string user, string deviceId, int status, TimeSpan elapsed)
    {
        var error = status >= 500;
        var counters = command is { } known ? _commands[(int)known]! : _unknown;
        counters.Completed(started: command is not null, error, elapsed.Ticks);
        if (user == "-") return;
        _accounts.Record(user, error);
        if (deviceId != "-") _devices.Record((user, deviceId), error);
    }

    /// <summary>The commands seen since start, in the order of <see cref="EasCommand"/>, <c>unknown</c> last.</summary>
    public IReadOnlyList<CommandStats> Commands()
    {
        var seen = new List<CommandStats>();
        foreach (var counters in _commands)
            if (counters is { Seen: true }) seen.Add(counters.Read());
        if (_unknown.Seen) seen.Add(_unknown.Read());
        return seen;
    }

    public BusiestList<BusyDevice> BusiestDevices(int count) =>
        new(WindowSeconds(), _devices.Count, [.. _devices.Top(count).Select(e => new BusyDevice(e.Key.Account, e.Key.DeviceId, e.Requests, e.Errors))]);

    public BusiestList<BusyAccount> BusiestAccounts(int count) =>
        new(WindowSeconds(), _accounts.Count, [.. _accounts.Top(count).Select(e => new BusyAccount(e.Key, e.Requests, e.Errors))]);

    public void Dispose() => _rotation.Dispose();

    /// <summary>Shifts every one-minute window; the timer calls it each minute, tests directly.</summary>
    internal void Rotate()
    {
        foreach (var counters in _commands) counters?.Rotate();
        _unknown.Rotate();
        _devices.Rotate();
        _accounts.Rotate();
        var now = _clock.GetTimestamp();
        Volatile.Write(ref _windowStarted, Interlocked.Exchange(ref _minuteStarted, now));
    }

    private double WindowSeconds() => _clock.GetElapsedTime(Volatile.Read(ref _windowStarted)).TotalSeconds;
}
