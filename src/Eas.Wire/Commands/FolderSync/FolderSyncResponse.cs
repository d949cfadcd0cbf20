using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using Eas.Wire.CodePages;

namespace Eas.Wire.Commands.FolderSync;

/// <summary>
/// A FolderSync response (MS-ASCMD 2.2.1.5, 2.2.3.76): Status, then on success the new SyncKey and the
/// Changes with their Count. Changes are written in the order given (the spec allows Update,
/// Delete and Add in any order after Count); an empty list still writes Count 0 when
/// <see cref="SyncKey"/> is set, as clients expect a Changes element on every successful sync.
/// </summary>
public sealed record FolderSyncResponse(FolderSyncStatus Status) : IEasResponse
{
    /// <summary>The new hierarchy SyncKey; written when not null.</summary>
    public string? SyncKey { get; init; }

    /// <summary>The hierarchy changes since the client's SyncKey.</summary>
    public ImmutableArray<FolderChange> Changes { get; init; } = [];

    /// <summary>Writes the response: Status, SyncKey, Changes (Count first).</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(FolderHierarchy.FolderSync);
        writer.WriteStatus(FolderHierarchy.Status, Status);
        if (SyncKey is not null)
        {
            writer.WriteElementString(FolderHierarchy.SyncKey, SyncKey);
            var changes = Changes.IsDefault ? [] : Changes;
            writer.StartElement(FolderHierarchy.Changes);
            writer.WriteElementInt(FolderHierarchy.Count, changes.Length);
            foreach (var change in changes) WriteChange(writer, change);
            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteChange(WbxmlWriter writer, FolderChange change)
    {
        switch (change)
        {
            case FolderSyncAdd add:
                WriteFolder(writer, FolderHierarchy.Add, add.ServerId, add.ParentId, add.DisplayName, add.Type);
                break;
            case FolderSyncUpdate update:
                WriteFolder(writer, FolderHierarchy.Update, update.ServerId, update.ParentId, update.DisplayName, update.Type);
                break;
            case FolderSyncDelete delete:
                writer.StartElement(FolderHierarchy.Delete);
                writer.WriteElementString(FolderHierarchy.ServerId, delete.ServerId);
                writer.EndElement();
                break;
            default:
                throw new ArgumentException($"Unknown folder change {change.GetType().Name}.", nameof(change));
        }
    }

    private static void WriteFolder(WbxmlWriter writer, ushort tag, string serverId, string parentId, string displayName, FolderType type)
    {
        writer.StartElement(tag);
        writer.WriteElementString(FolderHierarchy.ServerId, serverId);
        writer.WriteElementString(FolderHierarchy.ParentId, parentId);
        writer.WriteElementString(FolderHierarchy.DisplayName, displayName);
        writer.WriteElementInt(FolderHierarchy.Type, (int)type);
        writer.EndElement();
    }
}
