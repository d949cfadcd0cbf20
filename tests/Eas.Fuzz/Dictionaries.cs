using System.Text;

namespace Eas.Fuzz;

/// <summary>Fragments the mutator inserts whole, so that edits speak the input's own language.</summary>
internal static class Dictionaries
{
    /// <summary>WBXML constructs EAS uses and ones it must refuse (MS-ASWBXML 2.1.2, WAP-192 7.1).</summary>
    public static IReadOnlyList<byte[]> Wbxml { get; } =
    [
        [0x03, 0x01, 0x6A, 0x00],
        [0x03, 0x00, 0x6A, 0x00],
        [0x03, 0x01, 0x04, 0x00],
        [0x00, 0x00], [0x00, 0x01], [0x00, 0x02], [0x00, 0x0E], [0x00, 0x11], [0x00, 0x15], [0x00, 0x16], [0x00, 0x19],
        [0x00, 0x1A], [0x00, 0xFF], [0x00],
        [0x01], [0x01, 0x01, 0x01],
        [0x03, 0x61, 0x00], [0x03, 0x00], [0x03], [0x03, 0xC3, 0x28, 0x00], [0x03, 0xF0, 0x9F, 0x98, 0x80, 0x00],
        [0x03, 0xED, 0xA0, 0x80, 0x00], [0x03, 0xEF, 0xBB, 0xBF, 0x00], [0x03, 0x20, 0x09, 0x0D, 0x0A, 0x00], [0x03, 0x1B, 0x00],
        [0xC3, 0x00], [0xC3, 0x05, 0x61, 0x62, 0x63, 0x64, 0x65], [0xC3, 0x7F], [0xC3, 0x01, 0x00],
        [0x45], [0x05], [0x4B], [0x5C], [0x1C], [0x3F], [0x7F], [0xC5], [0x85],
        [0x02], [0x04], [0x43], [0x83, 0x00], [0x40], [0x80], [0xC0], [0x41], [0x81], [0xC1], [0x42], [0x82], [0xC2],
        [0x44], [0x84], [0xC4],
        [0x45, 0x4B, 0x03, 0x30, 0x00, 0x01, 0x01],
    ];

    /// <summary>Query fragments: separators, parameter names, broken and overlong percent escapes, base64 padding.</summary>
    public static IReadOnlyList<byte[]> Query { get; } = Ascii(
        "&", "=", "&&", "==", "?", "+", " ", "%", "%2", "%00", "%0A", "%25", "%3D", "%26", "%2B", "%2F", "%FF", "%C3%28",
        "%C0%80", "%ED%A0%80", "%F4%90%80%80", "%E2%80%AE", "%5C", "Cmd=", "&Cmd=Sync", "User=", "&DeviceId=", "DeviceType=",
        "SaveInSent=", "&SaveInSent=T", "ItemId=", "AttachmentName=", "Occurrence=", "LongId=", "CollectionName=", "ParentId=",
        "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l", "-", "_", "/", "AAAA", "////", "====", "\t", "\u007F");

    /// <summary>
    /// Pieces of the base64 query's byte sequence (MS-ASHTTP 2.2.1.1.1.1): version bytes, policy key
    /// lengths, and command parameters with empty, short, overlong and repeated values.
    /// </summary>
    public static IReadOnlyList<byte[]> Token { get; } =
    [
        [25], [120], [121], [140], [141], [160], [161], [0], [255],
        [4, 1, 2, 3, 4], [0], [3],
        [0, 0], [1, 1, 0x35], [3, 4, 0x35, 0x3A, 0x31, 0x32], [7, 1, 0x03], [7, 1, 0xFF], [7, 0], [7, 2, 1, 2],
        [8, 0], [8, 5, 0x61, 0x6C, 0x69, 0x63, 0x65], [8, 255], [9, 1, 0x41], [6, 3, 0xC3, 0x28, 0x41], [1, 2, 0x0A, 0x0D],
        [8, 1, 0x61, 8, 1, 0x62],
    ];

    /// <summary>Characters the byte mutator cannot produce: lone surrogates, characters that fold to ASCII, line separators.</summary>
    public static IReadOnlyList<string> QueryCharacters { get; } =
        ["\uD800", "\uDC00", "\uD83D\uDE00", "\uFFFD", "\u0085", "\u2028", "\u017F", "\u0130", "\u212A", "\uFEFF", "\0", "é", "\uFF05"];

    private static byte[][] Ascii(params string[] values) => [.. values.Select(Encoding.UTF8.GetBytes)];
}
