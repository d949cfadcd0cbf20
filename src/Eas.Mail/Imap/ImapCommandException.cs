using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// The server completed a command with NO (it failed) or BAD (it was not understood), RFC 3501 section 7.1.
/// The session remains usable. <see cref="ResponseCode"/> carries the machine-readable reason where the
/// server gave one (RFC 5530: <c>NONEXISTENT</c>, <c>OVERQUOTA</c>...).
/// </summary>
public class ImapCommandException : ImapException
{
    public ImapCommandException(string command, ImapResponseStatus status, ImapResponseCode? responseCode, string responseText)
        : this($"The IMAP server answered {command} with", command, status, responseCode, responseText)
    {
    }

    private protected ImapCommandException(
        string prefix, string command, ImapResponseStatus status, ImapResponseCode? responseCode, string responseText)
        : base($"{prefix} {status.ToString().ToUpperInvariant()}{(responseCode is null ? "" : $" {responseCode}")}: {responseText}")
    {
        Command = command;
        Status = status;
        ResponseCode = responseCode;
        ResponseText = responseText;
    }

    /// <summary>The command's name (never its arguments).</summary>
    public string Command { get; }

    /// <summary><see cref="ImapResponseStatus.No"/> or <see cref="ImapResponseStatus.Bad"/>.</summary>
    public ImapResponseStatus Status { get; }

    public ImapResponseCode? ResponseCode { get; }

    /// <summary>The server's human-readable text, with any echo of this command's secrets masked.</summary>
    public string ResponseText { get; }
}
