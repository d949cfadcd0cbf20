using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// contacts:Picture (MS-ASCNTC 2.2.2.55): the photo as base64 text. A picture whose decoded size is over the limit,
/// or whose text is not base64, is left out of the element whole; it is never cut, as a cut image is a broken one.
/// </summary>
internal static class ContactPicture
{
    public static void Write(WbxmlElement data, string? picture, int maxBytes)
    {
        if (string.IsNullOrEmpty(picture)) return;
        if (DecodedLength(picture) is not { } size || size > maxBytes) return;
        data.Add(WbxmlElement.WithText(ContactsPage.Picture, picture));
    }

    /// <summary>The decoded size of base64 text, or null when it is not base64.</summary>
    public static long? DecodedLength(string base64)
    {
        var length = base64.Length;
        if (length % 4 != 0) return null;
        var padding = length > 0 && base64[^1] == '=' ? (length > 1 && base64[^2] == '=' ? 2 : 1) : 0;
        return (long)length / 4 * 3 - padding;
    }
}
