using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.FolderSync;

/// <summary>
/// The flat FolderHierarchy children FolderCreate, FolderUpdate and FolderDelete share (MS-ASCMD 2.2.1.3,
/// 2.2.1.4, 2.2.1.6), read in one pass: each at most once, only those the command allows, each checked as
/// its element says (SyncKey up to 64 characters, ids up to 64, Type a folder type).
/// </summary>
internal sealed class FolderRequestFields
{
    private readonly RequestReader _reader;
    private readonly WbxmlElement _root;
    private string? _syncKey;
    private string? _serverId;
    private string? _parentId;
    private string? _displayName;
    private int? _type;

    private FolderRequestFields(RequestReader reader, WbxmlElement root)
    {
        _reader = reader;
        _root = root;
    }

    /// <summary>Reads <paramref name="root"/>, which must be <paramref name="rootTag"/> holding only <paramref name="allowed"/> children.</summary>
    public static FolderRequestFields Read(RequestReader reader, WbxmlElement root, ushort rootTag, params ushort[] allowed)
    {
        reader.ExpectRoot(root, rootTag);
        var fields = new FolderRequestFields(reader, root);
        foreach (var child in root.Children)
        {
            if (!allowed.Contains(child.Tag)) throw reader.Unexpected(root, child);
            switch (child.Tag)
            {
                case FolderHierarchy.SyncKey:
                    reader.Once(ref fields._syncKey, child, FolderSyncRequest.SyncKeyText(reader, child));
                    break;
                case FolderHierarchy.ServerId:
                    reader.Once(ref fields._serverId, child, reader.NonEmptyText(child, 64));
                    break;
                case FolderHierarchy.ParentId:
                    reader.Once(ref fields._parentId, child, reader.NonEmptyText(child, 64));
                    break;
                case FolderHierarchy.DisplayName:
                    reader.Once(ref fields._displayName, child, reader.NonEmptyText(child));
                    break;
                case FolderHierarchy.Type:
                    reader.Once(ref fields._type, child, reader.Int(child, 1, (int)FolderType.RecipientInformationCache));
                    break;
            }
        }

        return fields;
    }

    public string SyncKey => _syncKey ?? throw _reader.Missing(_root, FolderHierarchy.SyncKey);

    public string ServerId => _serverId ?? throw _reader.Missing(_root, FolderHierarchy.ServerId);

    public string ParentId => _parentId ?? throw _reader.Missing(_root, FolderHierarchy.ParentId);

    public string DisplayName => _displayName ?? throw _reader.Missing(_root, FolderHierarchy.DisplayName);

    public FolderType Type => (FolderType)(_type ?? throw _reader.Missing(_root, FolderHierarchy.Type));
}
