using System.Globalization;

namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>
/// A PIM folder's change token, <c>UIDVALIDITY:HIGHESTMODSEQ</c> (RFC 3501 2.3.1.1, RFC 7162 3.1.1): equal tokens
/// mean no change; a token of another UIDVALIDITY means the folder's UIDs no longer mean what they did.
/// </summary>
internal static class ImapPimToken
{
    public static string Format(uint uidValidity, ulong highestModSeq) =>
        string.Create(CultureInfo.InvariantCulture, $"{uidValidity}:{highestModSeq}");

    /// <summary>The token's parts, or false for null or a token not of this form.</summary>
    public static bool TryParse(string? token, out uint uidValidity, out ulong highestModSeq)
    {
        uidValidity = 0;
        highestModSeq = 0;
        if (token is null) return false;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && uint.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out uidValidity)
            && ulong.TryParse(token.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out highestModSeq);
    }
}
