namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// The bracketed response code of a status response, e.g. <c>[CAPABILITY IMAP4rev1 ...]</c>,
/// <c>[UIDVALIDITY 3]</c>, <c>[AUTHENTICATIONFAILED]</c> (RFC 3501 section 7.1, RFC 5530).
/// </summary>
/// <param name="Name">The code's atom, upper-cased.</param>
/// <param name="Arguments">The raw text after the name, up to the closing bracket; <see langword="null"/> if none.</param>
public sealed record ImapResponseCode(string Name, string? Arguments)
{
    public override string ToString() => Arguments is null ? $"[{Name}]" : $"[{Name} {Arguments}]";
}
