namespace Eas.Host.Options;

/// <summary>How verified credentials are remembered between requests, and how wrong passwords are held off (<see cref="Auth.SignInProtection"/>).</summary>
public sealed class AuthOptions
{
    /// <summary>How long a verified password is trusted before the IMAP server is asked again.</summary>
    public int CacheSeconds { get; set; } = 300;

    /// <summary>Most accounts remembered at once; the oldest are forgotten first.</summary>
    public int CacheSize { get; set; } = 100_000;

    /// <summary>How long the password the IMAP server last refused for a login is refused again at once.</summary>
    public int FailureCacheSeconds { get; set; } = 60;

    /// <summary>Failures of one account within <see cref="FailureWindowSeconds"/> before it is locked.</summary>
    public int AccountFailuresBeforeLock { get; set; } = 5;

    /// <summary>Failures from one client address within <see cref="FailureWindowSeconds"/> before it is locked.</summary>
    public int AddressFailuresBeforeLock { get; set; } = 20;

    /// <summary>The first lock's length; each failure after a lock has passed locks again for twice as long.</summary>
    public int LockSeconds { get; set; } = 2;

    /// <summary>The longest lock.</summary>
    public int MaxLockSeconds { get; set; } = 300;

    /// <summary>A key with no failure for this long is forgotten, and its next lock starts short again.</summary>
    public int FailureWindowSeconds { get; set; } = 900;

    /// <summary>IMAP checks of not yet verified passwords running at once per client address; the others wait.</summary>
    public int ChecksPerAddress { get; set; } = 4;

    /// <summary>
    /// Addresses of the reverse proxies in front of the server: from them, and only from them, the client address
    /// is read from X-Forwarded-For. Without them, everyone behind one proxy counts as one address.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
