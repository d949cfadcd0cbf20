namespace Eas.Wire.Commands.Sync;

/// <summary>One operation a client sends in a collection's Commands (MS-ASCMD 2.2.3.32), in document order.</summary>
public abstract record SyncClientCommand;
