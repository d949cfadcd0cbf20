namespace Eas.Mail.Sieve;

/// <summary>
/// The ManageSieve server cannot be reached, timed out, said BYE, answered NO (TRYLATER), offered no safe way to
/// sign in, or refused a login the IMAP server accepted moments ago: retriable, the caller answers "try later".
/// </summary>
public sealed class SieveUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The server answered a command NO (RFC 5804 section 1.3): <see cref="Code"/> is the response code's atom
/// (<c>NONEXISTENT</c>, <c>QUOTA</c>, <c>ACTIVE</c>...) or null, <see cref="ServerMessage"/> its human-readable text.
/// </summary>
public sealed class SieveCommandException(string command, string? code, string? serverMessage)
    : Exception($"ManageSieve {command} answered NO{(code is null ? "" : $" ({code})")}: {serverMessage}")
{
    /// <summary>The command that was refused (PUTSCRIPT, CHECKSCRIPT...).</summary>
    public string Command { get; } = command;

    public string? Code { get; } = code;

    public string? ServerMessage { get; } = serverMessage;
}
