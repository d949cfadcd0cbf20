using System.Collections.Immutable;
using Eas.Mail.Pim;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Sync.Pim;

/// <summary>
/// How one class of PIM item (contacts, calendar, tasks, notes) crosses between the text a PIM store keeps (a vCard,
/// an iCalendar object) and the airsync:ApplicationData of a Sync (MS-ASCMD 2.2.3.11). The sync engine is the same
/// for every class; only this differs. Implementations are pure and thread-safe: no I/O, no clock but
/// <see cref="PimCodecContext.Now"/>.
/// </summary>
public interface IPimItemCodec
{
    /// <summary>The store collections this codec reads and writes.</summary>
    PimKind Kind { get; }

    /// <summary>The airsync:Class name of its items (MS-ASCMD 2.2.3.27): Contacts, Calendar, Tasks or Notes.</summary>
    string ClassName { get; }

    /// <summary>The stored item as the phone sees it.</summary>
    /// <exception cref="PimContentException">The content cannot be read at all (the item is skipped until it changes).</exception>
    WbxmlElement Build(string content, PimCodecContext context);

    /// <summary>
    /// A new item from the phone (Sync Add): the id to store it under and its content. The codec picks the id: the
    /// item's own UID where the phone sent one (a calendar's UID or ClientUid), else <paramref name="newId"/>.
    /// </summary>
    /// <exception cref="PimItemRejectedException">The phone's item cannot be stored (Sync Status 6).</exception>
    PimWrite Create(string newId, WbxmlElement applicationData, PimCodecContext context);

    /// <summary>
    /// The phone's Change applied to the stored item (null when it cannot be read: the change starts from an empty
    /// item), keeping what the phone did not send (MS-ASCMD 2.2.3.179 Supported and ghosting) and every property the
    /// phone never sees.
    /// </summary>
    /// <exception cref="PimItemRejectedException">The change cannot be stored (Sync Status 6).</exception>
    PimWrite Change(string itemId, string? storedContent, WbxmlElement applicationData, PimCodecContext context);

    /// <summary>
    /// A Delete naming one occurrence of a recurring item (16.0+, airsyncbase:InstanceId, MS-ASCMD 2.2.3.42.2): the
    /// series with that occurrence removed; null when the class has no occurrences.
    /// </summary>
    PimWrite? RemoveInstance(string itemId, string storedContent, string instanceId, PimCodecContext context);

    /// <summary>Whether the stored item is inside the phone's FilterType window (MS-ASCMD 2.2.3.68); true for NoFilter.</summary>
    bool InWindow(string content, SyncFilterType filter, DateTimeOffset now);
}

/// <summary>What a write stores: under which item id, what content.</summary>
public sealed record PimWrite(string ItemId, string Content);

/// <summary>
/// What the phone asked for and knows: its protocol version, its body preferences (12.0+, MS-ASAIRS 2.2.2.12) or 2.5
/// Truncation code, the tags of its Supported list (null when it sent none) and the time the request is served.
/// </summary>
public sealed record PimCodecContext(ProtocolVersion Version, DateTimeOffset Now)
{
    public ImmutableArray<BodyPreference> BodyPreferences { get; init; } = [];

    /// <summary>The 2.5 airsync:Truncation code 0-9; null sends everything.</summary>
    public int? Truncation { get; init; }

    public IReadOnlySet<ushort>? Supported { get; init; }
}

/// <summary>A stored item that cannot be read at all (broken beyond the nearest faithful form).</summary>
public sealed class PimContentException(string message, Exception? inner = null) : Exception(message, inner);
