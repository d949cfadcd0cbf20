namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// contacts:Picture (MS-ASCNTC 2.2.2.58, base64) as PHOTO (RFC 6350 6.2.4): written as a <c>data:</c> URI (RFC 2397)
/// whose media type is read from the image's first bytes (JPEG, PNG, GIF, BMP, WebP; else image/jpeg); read from a
/// 4.0 <c>data:...;base64,</c> URI or a 3.0/2.1 <c>ENCODING=b</c>/<c>BASE64</c> value, white space removed. A PHOTO
/// that is a link (http:) or not valid base64 is not mapped and stays in the card. The size limit of the WBXML
/// element is applied when the item is encoded (<see cref="ContactPicture"/>), not here: the card keeps the whole photo.
/// </summary>
internal sealed class PhotoMap : IContactPropertyMap
{
    public void Read(ContactCardBinding binding)
    {
        foreach (var (index, property) in binding.Unclaimed("PHOTO"))
        {
            if (Base64Of(property) is not { } base64) continue;
            binding.Item = binding.Item with { Picture = base64 };
            binding.Claim(index, "PHOTO");
            return;
        }
    }

    public IEnumerable<(string Slot, VCardProperty Property)> Write(ContactItem item, bool explicitFields)
    {
        if (string.IsNullOrEmpty(item.Picture)) yield break;
        yield return ("PHOTO", new VCardProperty("PHOTO", $"data:{MediaType(item.Picture)};base64,{item.Picture}"));
    }

    private static string? Base64Of(VCardProperty property)
    {
        var value = property.Value;
        var encoding = property.Parameter("ENCODING");
        string payload;
        if (encoding is not null && (encoding.Equals("b", StringComparison.OrdinalIgnoreCase) || encoding.Equals("BASE64", StringComparison.OrdinalIgnoreCase)))
            payload = value;
        else if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && value.IndexOf(',', StringComparison.Ordinal) is var comma and > 0
                 && value[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            payload = value[(comma + 1)..];
        else
            return null;

        var clean = string.Concat(payload.Where(c => !char.IsWhiteSpace(c)));
        return clean.Length > 0 && IsBase64(clean) ? clean : null;
    }

    private static bool IsBase64(string text)
    {
        if (text.Length % 4 != 0) return false;
        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        for (var i = 0; i < text.Length - padding; i++)
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/')) return false;
        return true;
    }

    private static string MediaType(string base64)
    {
        Span<byte> head = stackalloc byte[12];
        var prefix = base64.Length >= 16 ? base64[..16] : base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        if (!Convert.TryFromBase64String(prefix, head, out var length)) return "image/jpeg";
        head = head[..length];
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return "image/png";
        if (head.StartsWith("GIF8"u8)) return "image/gif";
        if (head.StartsWith("BM"u8)) return "image/bmp";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return "image/jpeg";
    }
}
