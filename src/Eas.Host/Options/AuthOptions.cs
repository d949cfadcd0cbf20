namespace Eas.Host.Options;

/// <summary>How verified credentials are remembered between requests.</summary>
public sealed class AuthOptions
{
    /// <summary>How long a verified password is trusted before the IMAP server is asked again.</summary>
    public int CacheSeconds { get; set; } = 300;

    /// <summary>Most accounts remembered at once; the oldest are forgotten first.</summary>
    public int CacheSize { get; set; } = 100_000;
}
