namespace Eas.Actors.Sending.Compose;

/// <summary>The few address checks composing needs (RFC 5321 section 4.1.2, RFC 5322 section 3.4.1).</summary>
internal static class Addresses
{
    /// <summary>Whether <paramref name="address"/> is "local@domain" with both sides present and no blank, control or quote in the domain.</summary>
    public static bool IsUsable(string? address)
    {
        if (address is null) return false;
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1 && !address.Any(c => c <= ' ' || c == 127) && !address.AsSpan(at + 1).Contains('"');
    }

    /// <summary>The domain of an address when it is a plain dot-atom of letters, digits and hyphens; else null.</summary>
    public static string? DomainOf(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        if (at < 0) return null;
        var domain = address![(at + 1)..];
        var valid = domain.Length > 0 && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal)
            && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
        return valid ? domain : null;
    }
}
