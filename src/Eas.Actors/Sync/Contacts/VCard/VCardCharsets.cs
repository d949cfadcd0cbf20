using System.Text;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Turns the bytes of a quoted-printable value into text in the vCard's <c>CHARSET</c> (RFC 2426 4, the charset
/// parameter of 2.1/3.0): any name <see cref="Encoding.GetEncoding(string)"/> knows once the code-page provider is
/// registered (windows-1252, ISO-8859-x, Shift_JIS...). No charset, or one .NET does not know: UTF-8 when the
/// bytes are valid UTF-8, else ISO-8859-1, which reads any byte.
/// </summary>
internal static class VCardCharsets
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string Decode(byte[] bytes, string? charset, out bool unknown)
    {
        unknown = false;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim()).GetString(bytes);
            }
            catch (ArgumentException)
            {
                unknown = true;
            }
        }

        return IsUtf8(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }

    public static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
