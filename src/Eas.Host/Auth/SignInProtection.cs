using Eas.Host.Diagnostics;
using Eas.Host.Options;

namespace Eas.Host.Auth;

/// <summary>
/// What stands between a storm of wrong passwords and the IMAP server, so that one account's attacker never
/// slows down anyone else's sign-in:
/// <list type="bullet">
/// <item>the last password the IMAP server refused for each login, for a short time: the same wrong password
/// again is refused at once (<see cref="AuthOptions.FailureCacheSeconds"/>);</item>
/// <item>failures counted per account and per client address (<see cref="SignInThrottle"/>), each locking its
/// key with an exponential back-off; a locked account's sign-ins are refused at once (401), and so are a
/// locked address's, except for accounts that signed in successfully within <see cref="KnownFor"/>: a
/// returning user behind the attacker's address (a carrier's gateway) still reaches the IMAP check;</item>
/// <item>at most <see cref="AuthOptions.ChecksPerAddress"/> IMAP checks of unverified passwords at once per
/// client address, or per account for a known account, so a burst cannot put more failures in flight than
/// the lock lets through, and a returning user does not queue behind an attacker of other accounts.</item>
/// </list>
/// A password already verified (<see cref="VerifiedCredentialCache"/>) is accepted before any of this and is not
/// forgotten when someone else sends a wrong one, so a known user keeps working through any storm. In memory, per node.
/// </summary>
public sealed class SignInProtection
{
    /// <summary>How long an account that signed in counts as known: through a locked address, and past the check queue.</summary>
    public static readonly TimeSpan KnownFor = TimeSpan.FromDays(1);

    private readonly VerifiedCredentialCache _refused;
    private readonly KeyedGate _checks;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _known = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly int _capacity;
    private readonly ServerMetrics _metrics;
    private readonly ILogger<SignInProtection> _logger;

    public SignInProtection(AuthOptions options, TimeProvider clock, ServerMetrics metrics, ILogger<SignInProtection> logger)
    {
        _metrics = metrics;
        _logger = logger;
        _clock = clock;
        _capacity = Math.Max(1, options.CacheSize);
        _refused = new VerifiedCredentialCache(TimeSpan.FromSeconds(options.FailureCacheSeconds), options.CacheSize, clock);
        _checks = new KeyedGate(Math.Max(1, options.ChecksPerAddress));
        var baseLock = TimeSpan.FromSeconds(options.LockSeconds);
        var maxLock = TimeSpan.FromSeconds(options.MaxLockSeconds);
        var window = TimeSpan.FromSeconds(options.FailureWindowSeconds);
        Accounts = new SignInThrottle("account", options.AccountFailuresBeforeLock, baseLock, maxLock, window, options.CacheSize, clock);
        Addresses = new SignInThrottle("address", options.AddressFailuresBeforeLock, baseLock, maxLock, window, options.CacheSize, clock);
    }

    public SignInThrottle Accounts { get; }

    public SignInThrottle Addresses { get; }

    /// <summary>Whether the IMAP server refused exactly this password for this login a moment ago.</summary>
    public bool WasRefused(string login, string password) => _refused.IsVerified(login, password);

    /// <summary>Which lock refuses a sign-in of <paramref name="accountId"/> from <paramref name="address"/> now: <c>account</c>, <c>address</c> or null.</summary>
    public string? LockOf(string accountId, string address) =>
        Accounts.LockedUntil(accountId) is not null ? Accounts.Scope
        : Addresses.LockedUntil(address) is not null && !IsKnown(accountId) ? Addresses.Scope
        : null;

    /// <summary>Waits for a place among the IMAP checks of <paramref name="address"/>, or of the account when it is known.</summary>
    public Task<IDisposable> EnterCheckAsync(string accountId, string address, CancellationToken cancellationToken) =>
        _checks.EnterAsync(IsKnown(accountId) ? "account " + accountId : "address " + address, cancellationToken);

    /// <summary>The IMAP server refused the password (or it was the one refused a moment ago): remember it and count the failure.</summary>
    public void Refused(string login, string accountId, string password, string address)
    {
        _refused.Remember(login, password);
        Count(Accounts, accountId, accountId, address);
        Count(Addresses, address, accountId, address);
    }

    /// <summary>The IMAP server accepted the account's password: it is known, and its failures are forgotten (its address's are not).</summary>
    public void Accepted(string accountId)
    {
        Accounts.Forget(accountId);
        var now = _clock.GetUtcNow();
        if (_known.Count >= _capacity)
        {
            foreach (var (account, at) in _known)
            {
                if (now - at >= KnownFor) _known.TryRemove(account, out _);
            }

            // Still full of accounts seen within a day: start over rather than grow without bound.
            if (_known.Count >= _capacity) _known.Clear();
        }

        _known[accountId] = now;
    }

    /// <summary>The accounts and addresses locked now.</summary>
    public IReadOnlyList<SignInLock> Locked() => [.. Accounts.Locked(), .. Addresses.Locked()];

    /// <summary>Lifts the lock of an account or address; false when it had none.</summary>
    public bool Unlock(string key) => Accounts.Forget(key) | Addresses.Forget(key);

    private bool IsKnown(string accountId) => _known.TryGetValue(accountId, out var at) && _clock.GetUtcNow() - at < KnownFor;

    private void Count(SignInThrottle throttle, string key, string accountId, string address)
    {
        if (throttle.Failed(key) is not { } length) return;
        _metrics.SignInLocked(throttle.Scope);
        HostLog.SignInLocked(_logger, throttle.Scope, key, accountId, address, length.TotalSeconds);
    }
}
