using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Sync.Hierarchy;

/// <summary>One folder as a phone sees it in FolderSync (MS-ASCMD 2.2.3.8 Add): id, parent ("0" at the top), name, type.</summary>
public sealed record FolderView(string ServerId, string ParentId, string DisplayName, FolderType Type);
