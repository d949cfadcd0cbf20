namespace Eas.Wire.Commands.FolderSync;

/// <summary>A folder the client does not have yet (FolderHierarchy:Add, MS-ASCMD 2.2.3.25); ParentId "0" is the root.</summary>
public sealed record FolderSyncAdd(string ServerId, string ParentId, string DisplayName, FolderType Type) : FolderChange(ServerId);
