using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Eas.Host.Auth;

/// <summary>
/// Remembers, for a short time, that a login name and password were accepted by the IMAP server, so that a
/// phone's every request does not cost an IMAP login. It keeps only a salted HMAC of the password under a
/// key that lives in this process's memory, never the password; it is never written anywhere. Entries
/// expire after the configured lifetime; when full, the oldest are dropped. A rejected password is not
/// remembered, so a changed password takes effect at the next request that carries it.
/// Each entry lives a random 80 to 100 % of the lifetime: the phones of a node that restarted all sign in within a
/// minute, and with one fixed lifetime all their entries would expire within that minute again, a wave of IMAP logins
/// every lifetime for as long as the node runs.
/// </summary>
public sealed class VerifiedCredentialCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly byte[] _processKey = RandomNumberGenerator.GetBytes(32);
    private readonly TimeSpan _lifetime;
    private readonly int _capacity;
    private readonly TimeProvider _clock;

    public VerifiedCredentialCache(TimeSpan lifetime, int capacity, TimeProvider clock)
    {
        _lifetime = lifetime;
        _capacity = Math.Max(1, capacity);
        _clock = clock;
    }

    /// <summary>Entries held now.</summary>
    public int Count => _entries.Count;

    /// <summary>Whether this exact login and password were verified within the lifetime.</summary>
    public bool IsVerified(string login, string password)
    {
        if (!_entries.TryGetValue(login, out var entry)) return false;
        if (entry.Expires <= _clock.GetUtcNow())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(login, entry));
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(entry.Salt, password), entry.Hash);
    }

    /// <summary>Records a successful verification.</summary>
    public void Remember(string login, string password)
    {
        if (_entries.Count >= _capacity) Trim();
        var salt = RandomNumberGenerator.GetBytes(16);
        _entries[login] = new Entry(salt, Hash(salt, password), _clock.GetUtcNow() + JitteredLifetime());
    }

    /// <summary>Forgets a login, e.g. after the IMAP server rejected its password.</summary>
    public void Forget(string login) => _entries.TryRemove(login, out _);

    /// <summary>The lifetime less a random share of up to a fifth of it.</summary>
    private TimeSpan JitteredLifetime() => _lifetime - _lifetime * (Random.Shared.NextDouble() / 5);

    private byte[] Hash(byte[] salt, string password)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var input = new byte[salt.Length + passwordBytes.Length];
        salt.CopyTo(input, 0);
        passwordBytes.CopyTo(input, salt.Length);
        try
        {
            return HMACSHA256.HashData(_processKey, input);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
            CryptographicOperations.ZeroMemory(input);
        }
    }

    private void Trim()
    {
        var now = _clock.GetUtcNow();
        foreach (var pair in _entries)
            if (pair.Value.Expires <= now) _entries.TryRemove(pair);
        if (_entries.Count < _capacity) return;
        foreach (var pair in _entries.OrderBy(p => p.Value.Expires).Take(Math.Max(1, _capacity / 10)))
            _entries.TryRemove(pair);
    }

    private sealed record Entry(byte[] Salt, byte[] Hash, DateTimeOffset Expires);
}
