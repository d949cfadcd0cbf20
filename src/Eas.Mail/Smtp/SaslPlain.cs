using System.Security.Cryptography;
using System.Text;

namespace Eas.Mail.Smtp;

/// <summary>The PLAIN SASL mechanism's single message (RFC 4616 section 2).</summary>
internal static class SaslPlain
{
    /// <summary>
    /// Encodes <c>[authzid] NUL authcid NUL passwd</c> in UTF-8, then base64 as IMAP carries it (RFC 3501
    /// section 6.2.2). None of the three may contain NUL; user name and password may not be empty.
    /// </summary>
    public static string Encode(string? authorizationIdentity, string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length == 0) throw new ArgumentException("PLAIN requires a non-empty password (RFC 4616 section 2).", nameof(password));
        if ((authorizationIdentity ?? "").Contains('\0') || userName.Contains('\0') || password.Contains('\0'))
            throw new ArgumentException("PLAIN credentials cannot contain NUL (RFC 4616 section 2).");

        var message = Encoding.UTF8.GetBytes($"{authorizationIdentity}\0{userName}\0{password}");
        try
        {
            return Convert.ToBase64String(message);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(message);
        }
    }
}
