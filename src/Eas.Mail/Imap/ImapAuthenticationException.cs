using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// The server refused the credentials of LOGIN or AUTHENTICATE (RFC 3501 sections 6.2.2 and 6.2.3), typically
/// with <c>[AUTHENTICATIONFAILED]</c>, <c>[AUTHORIZATIONFAILED]</c> or <c>[EXPIRED]</c> (RFC 5530). A gateway
/// answers this with 401. A refusal because the server cannot check credentials right now
/// (<c>[UNAVAILABLE]</c>) is an <see cref="ImapStoreUnavailableException"/> instead.
/// </summary>
public sealed class ImapAuthenticationException : ImapCommandException
{
    public ImapAuthenticationException(string command, ImapResponseCode? responseCode, string responseText)
        : base($"The IMAP server rejected the credentials of {command}:", command, ImapResponseStatus.No, responseCode, responseText)
    {
    }
}
