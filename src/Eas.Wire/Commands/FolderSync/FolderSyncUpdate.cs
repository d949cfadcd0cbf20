namespace Eas.Wire.Commands.FolderSync;

/// <summary>A folder renamed or moved (FolderHierarchy:Update, MS-ASCMD 2.2.3.25); ParentId "0" is the root.</summary>
public sealed record FolderSyncUpdate(string ServerId, string ParentId, string DisplayName, FolderType Type) : FolderChange(ServerId);
