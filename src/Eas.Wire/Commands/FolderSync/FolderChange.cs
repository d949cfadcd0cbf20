namespace Eas.Wire.Commands.FolderSync;

/// <summary>One entry of a FolderSync response's Changes element (MS-ASCMD 2.2.3.25).</summary>
public abstract record FolderChange(string ServerId);
