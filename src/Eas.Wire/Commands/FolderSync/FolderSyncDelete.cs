namespace Eas.Wire.Commands.FolderSync;

/// <summary>A folder that no longer exists (FolderHierarchy:Delete, MS-ASCMD 2.2.3.25).</summary>
public sealed record FolderSyncDelete(string ServerId) : FolderChange(ServerId);
