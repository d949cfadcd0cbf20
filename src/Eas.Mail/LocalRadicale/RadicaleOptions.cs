namespace Eas.Mail.LocalRadicale;

/// <summary>How to run a private <see cref="RadicaleInstance"/>.</summary>
public sealed record RadicaleOptions
{
    /// <summary>
    /// Directory for all of the instance's files (created if missing; reused if it holds an earlier instance's users
    /// and collections): <c>config</c>, <c>users</c> (htpasswd) and <c>collections/</c> (the storage).
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>HTTP port on 127.0.0.1; a free one is picked when null.</summary>
    public int? Port { get; init; }

    /// <summary>Radicale's log threshold (<c>debug</c>, <c>info</c>, <c>warning</c>, <c>error</c>, <c>critical</c>); its log goes to its standard error, kept in <see cref="RadicaleInstance.Output"/>.</summary>
    public string LogLevel { get; init; } = "warning";

    public string ExecutablePath { get; init; } = "/usr/bin/radicale";

    /// <summary>How long to wait until it answers HTTP.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long Radicale may take to stop after SIGTERM before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
