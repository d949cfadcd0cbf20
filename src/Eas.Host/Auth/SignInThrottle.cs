using System.Collections.Concurrent;

namespace Eas.Host.Auth;

/// <summary>
/// Failed sign-ins counted per key (an account, or a client address) with an exponential back-off: after
/// <c>threshold</c> failures within the failure window the key is locked for the base lock time, and each
/// failure after a lock has passed locks it again for twice as long, up to the longest lock. While a key is
/// locked, sign-ins for it are refused at once, with no IMAP round trip. A failure window without failures
/// forgets the key; an admin may unlock it. In memory, per node.
/// </summary>
public sealed class SignInThrottle(string scope, int threshold, TimeSpan baseLock, TimeSpan maxLock, TimeSpan window, int capacity, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Record> _records = new(StringComparer.Ordinal);

    /// <summary>What is counted: <c>account</c> or <c>address</c>.</summary>
    public string Scope => scope;

    /// <summary>Until when <paramref name="key"/> is locked; null when it is not.</summary>
    public DateTimeOffset? LockedUntil(string key)
    {
        if (!_records.TryGetValue(key, out var record)) return null;
        lock (record)
        {
            return record.LockedUntil is { } until && until > clock.GetUtcNow() ? until : null;
        }
    }

    /// <summary>Counts a failure of <paramref name="key"/>; returns the lock's length when this failure locked it.</summary>
    public TimeSpan? Failed(string key)
    {
        if (_records.Count >= capacity) Trim();
        var now = clock.GetUtcNow();
        var record = _records.GetOrAdd(key, _ => new Record());
        lock (record)
        {
            if (now - record.LastFailure > window)
            {
                record.Failures = 0;
                record.Locks = 0;
            }

            record.Failures++;
            record.LastFailure = now;
            if (record.LockedUntil > now || (record.Failures < threshold && record.Locks == 0)) return null;
            var length = TimeSpan.FromTicks(Math.Min(maxLock.Ticks, baseLock.Ticks << Math.Min(record.Locks, 30)));
            record.Locks++;
            record.LockedUntil = now + length;
            return length;
        }
    }

    /// <summary>Forgets the failures of <paramref name="key"/> (its password was right, or an admin unlocked it); false when none were counted.</summary>
    public bool Forget(string key) => _records.TryRemove(key, out _);

    /// <summary>The keys locked now, with their failures and lock ends.</summary>
    public IReadOnlyList<SignInLock> Locked()
    {
        var now = clock.GetUtcNow();
        List<SignInLock> locked = [];
        foreach (var (key, record) in _records)
        {
            lock (record)
            {
                if (record.LockedUntil > now) locked.Add(new SignInLock(scope, key, record.Failures, record.Locks, record.LockedUntil.Value));
            }
        }

        return locked;
    }

    /// <summary>Drops the keys whose last failure is older than the window; if still full, the oldest half.</summary>
    private void Trim()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, record) in _records)
        {
            if (now - record.LastFailure > window && !(record.LockedUntil > now)) _records.TryRemove(key, out _);
        }

        if (_records.Count < capacity) return;
        foreach (var (key, _) in _records.OrderBy(pair => pair.Value.LastFailure).Take(_records.Count / 2)) _records.TryRemove(key, out _);
    }

    private sealed class Record
    {
        public int Failures;
        public int Locks;
        public DateTimeOffset LastFailure;
        public DateTimeOffset? LockedUntil;
    }
}

/// <summary>A key refused sign-ins until <paramref name="Until"/>: <paramref name="Failures"/> since its last lock, <paramref name="Locks"/> locks in a row.</summary>
public sealed record SignInLock(string Scope, string Key, int Failures, int Locks, DateTimeOffset Until);
