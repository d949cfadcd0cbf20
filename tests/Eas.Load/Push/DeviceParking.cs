using System.Diagnostics;
using Spectre.Console;

namespace Eas.Load.Push;

/// <summary>
/// The set-up-and-settle step of the push benches: every <see cref="PushDevice"/> is set up (at most
/// <c>concurrency</c> at once) and then keeps its Ping parked until <see cref="HangUpAsync"/>. <see cref="ParkAsync"/>
/// waits until every device has parked its first Ping, failed, or been refused over the connection cap;
/// <see cref="SettleAsync"/> then until the parked Pings have stayed parked for <see cref="Settled"/>
/// (<see cref="SettleWatch"/>), at most <see cref="MaxSettle"/>. The progress shown counts parked, refused and failed
/// devices and errors (<see cref="PushCounters"/>).
/// </summary>
internal sealed class DeviceParking : IDisposable
{
    /// <summary>How long every parked Ping must stay parked before the setup counts as settled.</summary>
    public static readonly TimeSpan Settled = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HangUpWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly IReadOnlyList<PushDevice> _devices;
    private readonly PushCounters _counters;
    private readonly SemaphoreSlim _gate;
    private readonly CancellationTokenSource _hangUp;
    private readonly bool[] _ready;
    private List<Task> _running = [];

    /// <param name="deadline">The run's deadline: devices also hang up when it passes.</param>
    public DeviceParking(IReadOnlyList<PushDevice> devices, int concurrency, PushCounters counters, CancellationToken deadline)
    {
        _devices = devices;
        _counters = counters;
        _gate = new SemaphoreSlim(concurrency);
        _hangUp = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        _ready = new bool[devices.Count];
    }

    /// <summary>Whether device <paramref name="index"/> set up and went on to Ping.</summary>
    public bool IsReady(int index) => Volatile.Read(ref _ready[index]);

    /// <summary>Starts every device: set up behind the gate, then Ping until hung up.</summary>
    public void Start() => _running = [.. _devices.Select(RunDeviceAsync)];

    /// <summary>
    /// Until every device has parked its first Ping, failed or been refused; <paramref name="halfParked"/> runs once
    /// half of them have parked.
    /// </summary>
    public async Task ParkAsync(ProgressTask task, Action? halfParked, CancellationToken token)
    {
        var halfTaken = halfParked is null;
        while (Accounted < _devices.Count)
        {
            if (!halfTaken && _counters.FirstParked >= _devices.Count / 2)
            {
                halfTaken = true;
                halfParked!();
            }

            task.Value = Accounted;
            task.Description = $"setting up: {_counters.FirstParked - _counters.RefusedAtFirstPing:N0} parked, {_counters.Refused:N0} refused, {_counters.SetupFailed} failed, {_counters.SetupErrors} errors";
            await Task.Delay(Tick, token);
        }

        task.Value = _devices.Count;
        task.Description = $"set up: {_counters.FirstParked - _counters.RefusedAtFirstPing:N0} parked, {_counters.Refused:N0} refused, {_counters.SetupFailed} failed, {_counters.SetupErrors} errors";
    }

    /// <summary>Until the parked Pings have stayed parked for <see cref="Settled"/>, at most <see cref="MaxSettle"/>; shown on <paramref name="task"/> when given.</summary>
    public async Task<SettleState> SettleAsync(ProgressTask? task, CancellationToken token)
    {
        var watch = new SettleWatch(Settled, MaxSettle);
        var clock = Stopwatch.StartNew();
        SettleState state;
        while ((state = watch.Observe(clock.Elapsed, _counters.Parked, _counters.Parkable)) == SettleState.Waiting)
        {
            task?.Description = $"settling: {_counters.Parked:N0} of {_counters.Parkable:N0} parked, {_counters.Refused:N0} refused";
            await Task.Delay(Tick, token);
        }

        task?.Description = $"set up: {_counters.Parked:N0} parked, {_counters.Refused:N0} refused, {_counters.SetupFailed} failed, {_counters.SetupErrors} errors" +
            (state == SettleState.GaveUp ? $" (not settled within {MaxSettle.TotalSeconds:0} s)" : "");
        task?.StopTask();
        return state;
    }

    /// <summary>Every device hangs up; waits for them at most a minute.</summary>
    public async Task HangUpAsync()
    {
        await _hangUp.CancelAsync();
        try
        {
            await Task.WhenAll(_running).WaitAsync(HangUpWait);
        }
        catch (TimeoutException)
        {
            AnsiConsole.WriteLine($"Some devices had not hung up {HangUpWait.TotalSeconds:0} s after the end.");
        }
    }

    public void Dispose()
    {
        _hangUp.Dispose();
        _gate.Dispose();
    }

    /// <summary>Devices that have parked their first Ping, failed, or been refused while setting up.</summary>
    private int Accounted => _counters.FirstParked + _counters.SetupFailed + _counters.RefusedInSetup;

    private async Task RunDeviceAsync(PushDevice device)
    {
        var token = _hangUp.Token;
        try
        {
            await _gate.WaitAsync(token);
            bool ready;
            try
            {
                ready = await device.SetUpAsync(token);
            }
            finally
            {
                _gate.Release();
            }

            Volatile.Write(ref _ready[device.Index], ready);
            if (ready) await device.HoldAsync(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
