using System.Collections.Concurrent;

namespace Eas.Host.Auth;

/// <summary>
/// At most <c>width</c> holders at once per key; the others wait their turn (or their cancellation). A key's
/// gate exists only while someone holds or waits for it.
/// </summary>
public sealed class KeyedGate(int width)
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for a place under <paramref name="key"/>; disposing the result gives it back.</summary>
    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var gate = Join(key);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, gate);
            throw;
        }

        return new Place(this, key, gate);
    }

    private Gate Join(string key)
    {
        while (true)
        {
            var gate = _gates.GetOrAdd(key, _ => new Gate(width));
            lock (gate)
            {
                if (gate.Users >= 0)
                {
                    gate.Users++;
                    return gate;
                }
            }
        }
    }

    private void Leave(string key, Gate gate)
    {
        lock (gate)
        {
            if (--gate.Users > 0) return;
            gate.Users = -1;
            _gates.TryRemove(new KeyValuePair<string, Gate>(key, gate));
            gate.Dispose();
        }
    }

    private sealed class Gate(int width) : IDisposable
    {
        public readonly SemaphoreSlim Semaphore = new(width, width);

        /// <summary>Holders and waiters; -1 once removed, so a late joiner takes a fresh gate.</summary>
        public int Users;

        public void Dispose() => Semaphore.Dispose();
    }

    private sealed class Place(KeyedGate owner, string key, Gate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            gate.Semaphore.Release();
            owner.Leave(key, gate);
        }
    }
}
