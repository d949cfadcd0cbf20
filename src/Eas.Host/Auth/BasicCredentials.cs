using System.Text;

namespace Eas.Host.Auth;

/// <summary>
/// HTTP Basic credentials (RFC 7617) as phones send them on every request (MS-ASHTTP 2.2.1.1.2.2).
/// The password is kept only in memory for the request; <see cref="ToString"/> never shows it.
/// </summary>
public sealed class BasicCredentials
{
    private BasicCredentials(string userName, string password)
    {
        UserName = userName;
        Password = password;
    }

    public string UserName { get; }

    public string Password { get; }

    /// <summary>Parses an Authorization header value; null when absent or not well-formed Basic.</summary>
    public static BasicCredentials? Parse(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        var encoded = authorization.AsSpan(6).Trim();
        if (encoded.Length > 4096) return null;
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length)) return null;
        var decoded = DecodeText(bytes.AsSpan(0, length));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        return new BasicCredentials(decoded[..colon], decoded[(colon + 1)..]);
    }

    /// <summary>UTF-8 as RFC 7617 recommends; older phones send Latin-1, which is taken when UTF-8 is invalid.</summary>
    private static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    public override string ToString() => $"{UserName}:***";
}
