using System.Buffers.Binary;
using System.Text;

namespace Eas.Actors.Sync.Meetings;

/// <summary>
/// email:GlobalObjId (MS-ASEMAIL 2.2.2.37), base64 on the wire: the class id, the instance date (zero for a whole
/// series, else year high, year low, month, day of the occurrence), a creation time (FILETIME, little-endian), eight
/// reserved bytes, the data length and the data. The data is the UID itself when the UID is an Outlook id (the hex
/// form of a blob that starts with the same class id, which is how Outlook writes UIDs into iCalendar), so the phone
/// sees the organizer's own id; any other UID goes in the vCal form: <c>vCal-Uid</c>, version 1, the UID's bytes
/// and a NUL.
/// </summary>
public static class GlobalObjectId
{
    private static readonly byte[] ClassId = [0x04, 0x00, 0x00, 0x00, 0x82, 0x00, 0xE0, 0x00, 0x74, 0xC5, 0xB7, 0x10, 0x1A, 0x82, 0xE0, 0x08];
    private const int HeaderLength = 16 + 4 + 8 + 8 + 4;

    /// <summary>The id of <paramref name="uid"/>, for the occurrence on <paramref name="instanceDate"/> (null: the series).</summary>
    public static byte[] Of(string uid, DateTime? instanceDate)
    {
        if (FromOutlookUid(uid) is { } outlook)
        {
            WriteInstanceDate(outlook, instanceDate);
            return outlook;
        }

        var uidBytes = Encoding.UTF8.GetBytes(uid);
        var data = new byte[8 + 4 + uidBytes.Length + 1];
        Encoding.ASCII.GetBytes("vCal-Uid", data);
        data[8] = 1;
        uidBytes.CopyTo(data, 12);
        var blob = new byte[HeaderLength + data.Length];
        ClassId.CopyTo(blob, 0);
        WriteInstanceDate(blob, instanceDate);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(36), data.Length);
        data.CopyTo(blob, HeaderLength);
        return blob;
    }

    /// <summary>The base64 text the element carries.</summary>
    public static string Base64(string uid, DateTime? instanceDate) => Convert.ToBase64String(Of(uid, instanceDate));

    /// <summary>The UID a blob carries: the vCal form's UID, else the hex of the blob with a zero instance date (Outlook's own form).</summary>
    public static string? UidOf(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < HeaderLength || !blob[..16].SequenceEqual(ClassId)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(blob[36..]);
        if (length < 0 || HeaderLength + length > blob.Length) return null;
        var data = blob.Slice(HeaderLength, length);
        if (data.Length >= 13 && data[..8].SequenceEqual("vCal-Uid"u8)) return Encoding.UTF8.GetString(data[12..^1]);
        var series = blob[..(HeaderLength + length)].ToArray();
        series.AsSpan(16, 4).Clear();
        return Convert.ToHexString(series);
    }

    private static byte[]? FromOutlookUid(string uid)
    {
        if (uid.Length < HeaderLength * 2 || uid.Length % 2 != 0 || !uid.StartsWith("040000008200E00074C5B7101A82E008", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var blob = Convert.FromHexString(uid);
            return BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(36)) == blob.Length - HeaderLength ? blob : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void WriteInstanceDate(byte[] blob, DateTime? date)
    {
        if (date is not { } day) return;
        blob[16] = (byte)(day.Year >> 8);
        blob[17] = (byte)day.Year;
        blob[18] = (byte)day.Month;
        blob[19] = (byte)day.Day;
    }
}
