namespace Eas.Host.Auth;

/// <summary>How a request's credentials fared.</summary>
public enum SignInOutcome
{
    /// <summary>The IMAP server (or the recent-verification cache) accepted them.</summary>
    Accepted,

    /// <summary>No Basic credentials, or ones that name nobody: HTTP 401.</summary>
    Missing,

    /// <summary>The IMAP server refused the password: HTTP 401.</summary>
    Rejected,

    /// <summary>The IMAP server could not be asked (down, timed out): HTTP 503 with Retry-After.</summary>
    StoreUnavailable,
}

/// <summary>The outcome and, when accepted, who signed in. The password stays with the request.</summary>
public sealed record SignInResult(SignInOutcome Outcome, SignInName? Name = null, string? Password = null)
{
    /// <summary>Never shows the password.</summary>
    public override string ToString() => $"{Outcome} {Name?.AccountId}";
}
