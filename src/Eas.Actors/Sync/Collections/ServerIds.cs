using System.Globalization;

namespace Eas.Actors.Sync.Collections;

/// <summary>
/// Item ServerIds: <c>folder:uid</c>, as Exchange shapes them (<c>5:12</c>). A UID is only meaningful
/// under its folder's UIDVALIDITY; the collection state resets when that changes.
/// </summary>
public static class ServerIds
{
    public static string Of(string folderId, uint uid) => $"{folderId}:{uid.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The UID of a ServerId in <paramref name="folderId"/>; false for anything else.</summary>
    public static bool TryParse(string serverId, string folderId, out uint uid)
    {
        uid = 0;
        var colon = serverId.LastIndexOf(':');
        return colon > 0 && serverId.AsSpan(0, colon).SequenceEqual(folderId)
            && uint.TryParse(serverId.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out uid) && uid > 0;
    }
}
