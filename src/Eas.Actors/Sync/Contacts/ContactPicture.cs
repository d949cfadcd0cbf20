using ContactsPage = Eas.Wire.CodePages.Contacts;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// contacts:Picture (MS-ASCNTC 2.2.2.58): the photo as base64 text, "limited to 48 KB of binary content that is
/// encoded with base64 encoding"; a client that sends more gets Sync status 6 (the same section), which the caller
/// decides with <see cref="IsOverLimit"/>. A picture over the caller's size, or whose text is not base64, is left out
/// of the element whole; it is never cut, as a cut image is a broken one.
/// </summary>
public static class ContactPicture
{
    /// <summary>The longest contacts:Picture value: 48 KB of base64 text (MS-ASCNTC 2.2.2.58).</summary>
    public const int MaxWireLength = 48 * 1024;

    /// <summary>Whether a picture a phone sent is over the spec's limit (answered with Sync status 6, MS-ASCNTC 2.2.2.58).</summary>
    public static bool IsOverLimit(string? picture) => picture is { Length: > MaxWireLength };

    internal static void Write(WbxmlElement data, string? picture, int maxBytes)
    {
        if (string.IsNullOrEmpty(picture) || picture.Length > MaxWireLength) return;
        if (DecodedLength(picture) is not { } size || size > maxBytes) return;
        data.Add(WbxmlElement.WithText(ContactsPage.Picture, picture));
    }

    /// <summary>The decoded size of base64 text, or null when it is not base64.</summary>
    internal static long? DecodedLength(string base64)
    {
        var length = base64.Length;
        if (length % 4 != 0) return null;
        var padding = base64.EndsWith("==", StringComparison.Ordinal) ? 2 : base64.EndsWith('=') ? 1 : 0;
        for (var i = 0; i < length - padding; i++)
            if (!(char.IsAsciiLetterOrDigit(base64[i]) || base64[i] is '+' or '/')) return null;
        return (long)length / 4 * 3 - padding;
    }
}
