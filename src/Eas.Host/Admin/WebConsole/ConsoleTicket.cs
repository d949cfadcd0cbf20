using System.Security.Cryptography;
using System.Text;

namespace Eas.Host.Admin.WebConsole;

/// <summary>
/// The web console's sign-in ticket: <c>&lt;admin, base64url&gt;.&lt;expiry, unix seconds&gt;.&lt;HMAC-SHA256&gt;</c>, kept in an
/// HttpOnly, SameSite=Strict cookie. The HMAC key is derived from the admin's configured password entry, so every node
/// with the same configuration accepts the ticket (no session table to share across the cluster) and changing an
/// admin's password ends that admin's sessions. The anti-forgery token is a second HMAC over the ticket: a page of
/// another site can neither read it nor forge it, and the console sends it back in <see cref="CsrfHeader"/>.
/// </summary>
internal static class ConsoleTicket
{
    public const string CookieName = "eas-admin";
    public const string CsrfCookieName = "eas-admin-csrf";
    public const string CsrfHeader = "X-EAS-CSRF";

    /// <summary>How long a sign-in lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static string Issue(string admin, string configuredSecret, DateTimeOffset now)
    {
        var payload = $"{Base64Url(Encoding.UTF8.GetBytes(admin))}.{(now + Lifetime).ToUnixTimeSeconds()}";
        return $"{payload}.{Base64Url(Mac(configuredSecret, payload))}";
    }

    /// <summary>The admin a ticket names, or null when it is malformed, forged, expired, or its admin is no longer configured.</summary>
    public static string? Validate(string? ticket, IReadOnlyDictionary<string, string> admins, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(ticket)) return null;
        var parts = ticket.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[1], out var expires) || DateTimeOffset.FromUnixTimeSeconds(expires) <= now) return null;
        if (FromBase64Url(parts[0]) is not { } nameBytes || FromBase64Url(parts[2]) is not { } mac) return null;
        var admin = Encoding.UTF8.GetString(nameBytes);
        if (!admins.TryGetValue(admin, out var secret)) return null;
        return CryptographicOperations.FixedTimeEquals(mac, Mac(secret, $"{parts[0]}.{parts[1]}")) ? admin : null;
    }

    /// <summary>The anti-forgery token that goes with a ticket.</summary>
    public static string CsrfFor(string ticket, string configuredSecret) => Base64Url(Mac(configuredSecret, "csrf|" + ticket));

    private static byte[] Mac(string configuredSecret, string text)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("eas-admin-console|" + configuredSecret));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
