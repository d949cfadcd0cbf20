namespace Eas.Actors.Tests.Contacts;

internal static class VCardTestText
{
    /// <summary>The text with RFC 6350 3.2 folding undone, CRLFs kept between content lines.</summary>
    public static string Unfold(string text) => text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);

    /// <summary>Joins lines with CRLF and ends with one.</summary>
    public static string Crlf(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
}
