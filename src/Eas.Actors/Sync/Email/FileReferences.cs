using System.Globalization;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Attachment FileReferences (MS-ASAIRS 2.2.2.24): <c>folder:uid:part</c>, the folder id, the message UID
/// and the IMAP part number, enough for ItemOperations and GetAttachment to stream the part straight from IMAP.
/// </summary>
public static class FileReferences
{
    public static string Of(string folderId, uint uid, string part) => $"{folderId}:{uid.ToString(CultureInfo.InvariantCulture)}:{part}";

    /// <summary>The item with each attachment's part number turned into a full FileReference.</summary>
    public static EmailItem Qualify(EmailItem item, string folderId, uint uid) =>
        item.Attachments.IsDefaultOrEmpty ? item : item with
        {
            Attachments = [.. item.Attachments.Select(a => a with { FileReference = Of(folderId, uid, a.FileReference) })],
        };

    public static bool TryParse(string reference, out string folderId, out uint uid, out string part)
    {
        folderId = part = string.Empty;
        uid = 0;
        var last = reference.LastIndexOf(':');
        if (last <= 0) return false;
        var middle = reference.LastIndexOf(':', last - 1);
        if (middle <= 0) return false;
        folderId = reference[..middle];
        part = reference[(last + 1)..];
        return uint.TryParse(reference.AsSpan(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out uid)
            && uid > 0 && IsPartNumber(part);
    }

    /// <summary>An IMAP part number (RFC 3501 6.4.5): non-zero numbers joined by single dots, such as <c>2</c> or <c>1.2.3</c>.</summary>
    private static bool IsPartNumber(string part)
    {
        if (part.Length == 0 || part.Length > 64) return false;
        foreach (var segment in part.Split('.'))
            if (segment.Length == 0 || segment.Length > 5 || !segment.All(char.IsAsciiDigit) || segment[0] == '0') return false;
        return true;
    }
}
