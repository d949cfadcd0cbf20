namespace Eas.Wire.Commands.Sync;

/// <summary>A request for one whole item (Fetch, MS-ASCMD 2.2.3.67.2), answered in the collection's Responses.</summary>
public sealed record SyncClientFetch(string ServerId) : SyncClientCommand;
