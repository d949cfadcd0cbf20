using System.Diagnostics;

namespace Eas.Load.Push;

/// <summary>
/// Which delivery each phone still waits to hear of, and when it heard. A delivery to an account is owed
/// to every device of that account (device <c>i</c> belongs to account <c>i mod accounts</c>). When a device's
/// Ping answers Status 2, every delivery owed to it that had begun by then is settled by that answer: one
/// latency sample per (delivery, device), the time from the APPEND's completion to the answer. A delivery a
/// device's own Sync fetched before any Ping could tell of it (the Sync after an earlier push began after
/// the APPEND completed) is settled as seen by Sync, without a sample. What is still owed at the end was
/// never pushed. A device the server refused (<see cref="Retire"/>) is owed nothing from then on. All times are
/// <see cref="Stopwatch"/> timestamps.
/// </summary>
internal sealed class PushLedger(int devices, int accounts)
{
    private readonly List<Delivery>[] _owed = [.. Enumerable.Range(0, devices).Select(_ => new List<Delivery>())];
    private readonly List<(Delivery Delivery, long AnsweredAt)> _answers = [];
    private readonly bool[] _retired = new bool[devices];
    private readonly Lock _gate = new();
    private int _bySync;
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

    /// <summary>Device <paramref name="device"/>'s Ping answered Status 2 at <paramref name="at"/>.</summary>
    public void Pushed(int device, long at)
    {
        lock (_gate)
        {
            var owed = _owed[device];
            var settled = owed.Where(d => d.StartedAt <= at).ToList();
            if (settled.Count == 0) _unexplained++;
            foreach (var delivery in settled)
            {
                _answers.Add((delivery, at));
                owed.Remove(delivery);
            }
        }
    }

    /// <summary>Device <paramref name="device"/> synced, from a request begun at <paramref name="syncStartedAt"/>, and got new items.</summary>
    public void Synced(int device, long syncStartedAt)
    {
        lock (_gate)
        {
            _bySync += _owed[device].RemoveAll(d => Volatile.Read(ref d.CompletedAt) is var completed && completed != 0 && completed <= syncStartedAt);
        }
    }

    /// <summary>Pushes still owed (one per device and delivery) whose APPEND completed.</summary>
    public int Outstanding()
    {
        lock (_gate) return _owed.Sum(owed => owed.Count(d => Volatile.Read(ref d.CompletedAt) != 0));
    }

    public PushLedgerSummary Summarize()
    {
        lock (_gate)
        {
            var latencies = _answers
                .Where(a => Volatile.Read(ref a.Delivery.CompletedAt) != 0)
                .Select(a => Stopwatch.GetElapsedTime(Volatile.Read(ref a.Delivery.CompletedAt), a.AnsweredAt).TotalMilliseconds)
                .ToList();
            return new PushLedgerSummary(latencies, _owed.Sum(owed => owed.Count), _bySync, _unexplained);
        }
    }

    /// <summary>Each push made: the delivery's number, when its APPEND was sent and completed, and when the Ping answered (<see cref="Stopwatch"/> timestamps).</summary>
    public IReadOnlyList<(int Number, long StartedAt, long CompletedAt, long AnsweredAt)> Answers()
    {
        lock (_gate)
        {
            return [.. _answers.Where(a => Volatile.Read(ref a.Delivery.CompletedAt) != 0)
                .Select(a => (a.Delivery.Number, a.Delivery.StartedAt, Volatile.Read(ref a.Delivery.CompletedAt), a.AnsweredAt))];
        }
    }

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
internal sealed record PushLedgerSummary(IReadOnlyList<double> LatenciesMs, int Missing, int SeenBySync, int Unexplained);
