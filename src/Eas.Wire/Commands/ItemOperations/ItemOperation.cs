namespace Eas.Wire.Commands.ItemOperations;

/// <summary>One operation of an ItemOperations request (MS-ASCMD 2.2.1.10): Fetch, EmptyFolderContents or Move, in document order.</summary>
public abstract record ItemOperation;
