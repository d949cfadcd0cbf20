using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>The folder hierarchy commands' responses (MS-ASCMD 2.2.1.3 to 2.2.1.6, schemas 6.9 to 6.17).</summary>
internal static class FolderResponseSchemas
{
    private static SchemaElement Folder(ushort tag) =>
        Node(tag, Value(FolderHierarchy.ServerId), Value(FolderHierarchy.ParentId), Value(FolderHierarchy.DisplayName), Value(FolderHierarchy.Type));

    /// <summary>FolderSync (6.15): Status, SyncKey, Changes; Changes is Count, then the Updates, Deletes and Adds, in that order.</summary>
    public static readonly SchemaElement FolderSync = Node(FolderHierarchy.FolderSync,
        Value(FolderHierarchy.Status),
        Value(FolderHierarchy.SyncKey).Optional(),
        Node(FolderHierarchy.Changes,
            Value(FolderHierarchy.Count).Optional(),
            Folder(FolderHierarchy.Update).Optional().Many(),
            Node(FolderHierarchy.Delete, Value(FolderHierarchy.ServerId)).Optional().Many(),
            Folder(FolderHierarchy.Add).Optional().Many()).Optional());

    /// <summary>FolderCreate (6.11): Status, SyncKey, ServerId.</summary>
    public static readonly SchemaElement FolderCreate = Node(FolderHierarchy.FolderCreate,
        Value(FolderHierarchy.Status), Value(FolderHierarchy.SyncKey).Optional(), Value(FolderHierarchy.ServerId).Optional());

    /// <summary>FolderUpdate (6.17): Status, SyncKey.</summary>
    public static readonly SchemaElement FolderUpdate = Node(FolderHierarchy.FolderUpdate,
        Value(FolderHierarchy.Status), Value(FolderHierarchy.SyncKey).Optional());

    /// <summary>FolderDelete (6.13): Status, SyncKey.</summary>
    public static readonly SchemaElement FolderDelete = Node(FolderHierarchy.FolderDelete,
        Value(FolderHierarchy.Status), Value(FolderHierarchy.SyncKey).Optional());
}
