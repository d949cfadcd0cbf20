using System.Diagnostics;

namespace Eas.Load.Push;

/// <summary>
/// Which delivery each phone still waits to hear of, and how it heard. A delivery to an account is owed to every
/// device of that account (device <c>i</c> belongs to account <c>i mod accounts</c>), and every delivered message
/// carries its number in its subject (<see cref="DeliveryMark"/>), so the ledger knows which Sync brought which
/// delivery to which phone. A delivery is settled for a device when one of its Syncs returns it:
/// <list type="bullet">
/// <item>as a push, with one latency sample from the APPEND's completion to the earliest Status 2 answer of the Ping
/// before that Sync that came after the APPEND began;</item>
/// <item>as seen by Sync, without a sample, when no Status 2 since the device's previous Sync came after the APPEND
/// began (the message landed while the phone was syncing an earlier one).</item>
/// </list>
/// A delivery still owed at the end after a Status 2 that came after it began was pushed (its phone had not synced it
/// yet); any other delivery still owed was never pushed, and is classified by what its phone did after the APPEND
/// completed (<see cref="MissingPushes"/>). A Sync that returns a delivery a second time is counted as a duplicate. A
/// device the server refused (<see cref="Retire"/>) is owed nothing from then on. All times are
/// <see cref="Stopwatch"/> timestamps.
/// </summary>
internal sealed class PushLedger(int devices, int accounts)
{
    private readonly List<Delivery>[] _owed = [.. Enumerable.Range(0, devices).Select(_ => new List<Delivery>())];
    private readonly List<long>[] _answered = [.. Enumerable.Range(0, devices).Select(_ => new List<long>())];
    private readonly HashSet<int>[] _seen = [.. Enumerable.Range(0, devices).Select(_ => new HashSet<int>())];
    private readonly long[] _lastPingSent = new long[devices];
    private readonly long[] _lastSyncStarted = new long[devices];
    private readonly long[] _lastFailed = new long[devices];
    private readonly List<(Delivery Delivery, long AnsweredAt)> _answers = [];
    private readonly bool[] _retired = new bool[devices];
    private readonly Lock _gate = new();
    private int _bySync;
    private int _bySyncBeforeCompleted;
    private int _duplicates;
    private int _unexplained;

    /// <summary>Records a delivery about to be appended to <paramref name="account"/> and owes it to the account's devices.</summary>
    public Delivery Begin(int number, int account)
    {
        var delivery = new Delivery(number, account, Stopwatch.GetTimestamp());
        lock (_gate)
        {
            for (var device = account; device < devices; device += accounts)
            {
                if (!_retired[device]) _owed[device].Add(delivery);
            }
        }

        return delivery;
    }

    /// <summary>Device <paramref name="device"/> was refused by the server and Pings no more: it is owed nothing.</summary>
    public void Retire(int device)
    {
        lock (_gate)
        {
            _retired[device] = true;
            _owed[device].Clear();
        }
    }

    /// <summary>The APPEND completed (its tagged OK arrived): the clock of every push of this delivery starts now.</summary>
    public static void Complete(Delivery delivery) => Interlocked.Exchange(ref delivery.CompletedAt, Stopwatch.GetTimestamp());

    /// <summary>The APPEND failed: nothing is owed.</summary>
    public void Withdraw(Delivery delivery)
    {
        lock (_gate)
        {
            for (var device = delivery.Account; device < devices; device += accounts) _owed[device].Remove(delivery);
        }
    }

    /// <summary>Device <paramref name="device"/> sent a Ping at <paramref name="at"/>.</summary>
    public void PingSent(int device, long at)
    {
        lock (_gate) _lastPingSent[device] = at;
    }

    /// <summary>A request of device <paramref name="device"/> failed at <paramref name="at"/> (an error, a 503, a dropped connection).</summary>
    public void Failed(int device, long at)
    {
        lock (_gate) _lastFailed[device] = at;
    }

    /// <summary>Device <paramref name="device"/>'s Ping answered Status 2 at <paramref name="at"/>.</summary>
    public void Pushed(int device, long at)
    {
        lock (_gate)
        {
            _answered[device].Add(at);
            if (!_owed[device].Any(d => d.StartedAt <= at)) _unexplained++;
        }
    }

    /// <summary>
    /// Device <paramref name="device"/> synced to the end, from a request begun at <paramref name="syncStartedAt"/>,
    /// and got the deliveries numbered <paramref name="numbers"/>.
    /// </summary>
    public void Synced(int device, long syncStartedAt, IReadOnlyCollection<int> numbers)
    {
        lock (_gate)
        {
            var owed = _owed[device];
            foreach (var number in numbers)
            {
                if (!_seen[device].Add(number)) _duplicates++;
                if (owed.Find(d => d.Number == number) is not { } delivery) continue;
                owed.Remove(delivery);
                if (EarliestAnswer(device, delivery) is { } answeredAt) _answers.Add((delivery, answeredAt));
                else
                {
                    _bySync++;
                    var completed = Volatile.Read(ref delivery.CompletedAt);
                    if (completed == 0 || completed > syncStartedAt) _bySyncBeforeCompleted++;
                }
            }

            _answered[device].Clear();
            _lastSyncStarted[device] = syncStartedAt;
        }
    }

    /// <summary>Pushes still owed (one per device and delivery) whose APPEND completed and that no Status 2 has answered yet.</summary>
    public int Outstanding()
    {
        lock (_gate)
        {
            return Enumerable.Range(0, devices).Sum(device =>
                _owed[device].Count(d => Volatile.Read(ref d.CompletedAt) != 0 && EarliestAnswer(device, d) is null));
        }
    }

    public PushLedgerSummary Summarize()
    {
        lock (_gate)
        {
            var latencies = Settled()
                .Where(a => Volatile.Read(ref a.Delivery.CompletedAt) != 0)
                .Select(a => Stopwatch.GetElapsedTime(Volatile.Read(ref a.Delivery.CompletedAt), a.AnsweredAt).TotalMilliseconds)
                .ToList();
            var missing = MissingPushes();
            return new PushLedgerSummary(latencies, missing.Total, _bySync, _unexplained)
            {
                MissingByCause = missing,
                SeenBySyncBeforeAppendDone = _bySyncBeforeCompleted,
                Duplicates = _duplicates,
            };
        }
    }

    /// <summary>Each push made: the delivery's number, when its APPEND was sent and completed, and when the Ping answered (<see cref="Stopwatch"/> timestamps).</summary>
    public IReadOnlyList<(int Number, long StartedAt, long CompletedAt, long AnsweredAt)> Answers()
    {
        lock (_gate)
        {
            return [.. Settled().Where(a => Volatile.Read(ref a.Delivery.CompletedAt) != 0)
                .Select(a => (a.Delivery.Number, a.Delivery.StartedAt, Volatile.Read(ref a.Delivery.CompletedAt), a.AnsweredAt))];
        }
    }

    /// <summary>The pushes settled by a Sync, and those a Status 2 told of that the phone had not synced by the end.</summary>
    private IEnumerable<(Delivery Delivery, long AnsweredAt)> Settled()
    {
        var pending = Enumerable.Range(0, devices)
            .SelectMany(device => _owed[device].Select(d => (Delivery: d, AnsweredAt: EarliestAnswer(device, d))))
            .Where(a => a.AnsweredAt is not null)
            .Select(a => (a.Delivery, a.AnsweredAt!.Value));
        return _answers.Concat(pending);
    }

    /// <summary>The first Status 2 answer since the device's last Sync that came after <paramref name="delivery"/> began.</summary>
    private long? EarliestAnswer(int device, Delivery delivery)
    {
        long? earliest = null;
        foreach (var at in _answered[device])
        {
            if (at >= delivery.StartedAt && (earliest is null || at < earliest)) earliest = at;
        }

        return earliest;
    }

    /// <summary>
    /// The pushes never made, by what the phone did after the APPEND completed: a Sync begun after it that did not
    /// return the message; a Ping sent after it that never answered Status 2 (its check missed the change); a request
    /// that failed after the APPEND began (the phone was being refused, so no Ping of its was parked to be woken); or
    /// none of these (a Ping parked before the change was never woken, or the APPEND never completed).
    /// </summary>
    private MissingPushes MissingPushes()
    {
        int syncedWithout = 0, pingedAfter = 0, failing = 0, neverWoken = 0;
        var named = new List<MissingPush>();
        for (var device = 0; device < devices; device++)
        {
            foreach (var delivery in _owed[device])
            {
                if (EarliestAnswer(device, delivery) is not null) continue;
                var completed = Volatile.Read(ref delivery.CompletedAt);
                MissingCause cause;
                if (completed != 0 && _lastSyncStarted[device] > completed) (cause, syncedWithout) = (MissingCause.SyncedWithout, syncedWithout + 1);
                else if (completed != 0 && _lastPingSent[device] > completed) (cause, pingedAfter) = (MissingCause.PingedAfter, pingedAfter + 1);
                else if (_lastFailed[device] > Math.Max(delivery.StartedAt, _lastPingSent[device])) (cause, failing) = (MissingCause.Failing, failing + 1);
                else (cause, neverWoken) = (MissingCause.NeverWoken, neverWoken + 1);
                if (named.Count < Push.MissingPushes.NamedAtMost)
                    named.Add(new MissingPush(device, delivery.Account, delivery.Number, cause, Utc(delivery.StartedAt), Utc(completed), Utc(_lastPingSent[device]), Utc(_lastSyncStarted[device]), Utc(_lastFailed[device])));
            }
        }

        return new MissingPushes(syncedWithout, pingedAfter, neverWoken) { Failing = failing, Named = named };
    }

    /// <summary>The wall-clock time of a <see cref="Stopwatch"/> timestamp, to find it in the servers' logs; null for 0 (never).</summary>
    private static DateTime? Utc(long timestamp) => timestamp == 0 ? null : DateTime.UtcNow - Stopwatch.GetElapsedTime(timestamp);

    /// <summary>One message appended to one account.</summary>
    internal sealed class Delivery(int number, int account, long startedAt)
    {
        public long CompletedAt;

        public int Number { get; } = number;

        public int Account { get; } = account;

        public long StartedAt { get; } = startedAt;
    }
}

/// <summary>
/// The ledger at the end: one latency (ms, APPEND completed to Ping answered) per device told of a delivery,
/// pushes never made, deliveries a device's Sync fetched before a Ping could tell it, and Status 2 answers
/// with no delivery owed (the server saw a change the bench did not make).
/// </summary>
internal sealed record PushLedgerSummary(IReadOnlyList<double> LatenciesMs, int Missing, int SeenBySync, int Unexplained)
{
    /// <summary>The pushes never made, by what their phone did after the APPEND completed.</summary>
    public MissingPushes MissingByCause { get; init; } = new(0, 0, 0);

    /// <summary>
    /// Deliveries seen by a Sync that began before their APPEND's OK reached the bench (the message was in the folder
    /// before Dovecot answered the APPEND): the ledger before the delivery marks left each of these owed.
    /// </summary>
    public int SeenBySyncBeforeAppendDone { get; init; }

    /// <summary>Deliveries a phone's Sync returned more than once.</summary>
    public int Duplicates { get; init; }
}

/// <summary>
/// Pushes never made: after a Sync begun past the APPEND that did not return it, behind a Ping sent past the APPEND, with
/// the phone's requests failing after the APPEND began (<see cref="Failing"/>), or with the phone's Ping never woken.
/// </summary>
internal sealed record MissingPushes(int SyncedWithout, int PingedAfter, int NeverWoken)
{
    /// <summary>How many missing pushes are named one by one (<see cref="Named"/>).</summary>
    public const int NamedAtMost = 20;

    public int Total => SyncedWithout + PingedAfter + Failing + NeverWoken;

    /// <summary>Phones with a failed request after the APPEND began: refused (503, timeouts), not parked, so there was no Ping to wake.</summary>
    public int Failing { get; init; }

    /// <summary>The first <see cref="NamedAtMost"/> missing pushes, each with its phone, account, delivery and times, to look up in the servers' logs.</summary>
    public IReadOnlyList<MissingPush> Named { get; init; } = [];

    public override string ToString() =>
        $"{SyncedWithout} synced after the APPEND without it, {PingedAfter} behind a Ping sent after the APPEND, {Failing} with the phone's requests failing after it, {NeverWoken} parked before it and never woken";
}

/// <summary>What a missing push's phone did after its APPEND completed (<see cref="PushLedger"/>).</summary>
internal enum MissingCause
{
    SyncedWithout,
    PingedAfter,
    Failing,
    NeverWoken,
}

/// <summary>
/// One push never made: device <see cref="Device"/> (DeviceId ending in its number, <c>D5</c>) of account number
/// <see cref="Account"/> (<c>PREFIX{Account:D5}@ox.io</c>) never heard of delivery <see cref="Number"/>
/// (<c>[push N]</c> in its subject); when its APPEND began and completed, and the phone's last Ping sent and last Sync
/// begun and last failed request, in UTC (null: never).
/// </summary>
internal sealed record MissingPush(
    int Device, int Account, int Number, MissingCause Cause, DateTime? AppendStarted, DateTime? AppendCompleted, DateTime? LastPingSent, DateTime? LastSyncStarted,
    DateTime? LastFailed)
{
    public override string ToString() => System.FormattableString.Invariant(
        $"device {Device:D5} of account {Account:D5}, delivery {Number}: {Describe(Cause)}; APPEND {Time(AppendStarted)}-{Time(AppendCompleted)}, last Ping sent {Time(LastPingSent)}, last Sync begun {Time(LastSyncStarted)}, last request failed {Time(LastFailed)} (UTC)");

    private static string Describe(MissingCause cause) => cause switch
    {
        MissingCause.SyncedWithout => "synced after the APPEND without it",
        MissingCause.PingedAfter => "Pinged after the APPEND, never answered Status 2",
        MissingCause.Failing => "its requests failed after the APPEND began (no Ping parked to wake)",
        _ => "parked before the APPEND, never woken",
    };

    private static string Time(DateTime? at) => at is { } t ? t.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) : "never";
}
