namespace Eas.Load.Bench;

/// <summary>
/// The knobs of <c>demo-bench</c>: how many messages of what size, and how the phones sync them: each device its own
/// account with its own mailbox of <see cref="Messages"/> messages, or with <see cref="SharedMailbox"/> all devices one
/// account; and where the report folder goes.
/// </summary>
internal sealed record DemoBenchSettings(
    int Messages, int BodyBytes, int WindowSize, int Truncation, string Version, int Devices, int WarmupWindows,
    string ServerLogLevel, string? ServerDll, bool KeepData, bool SharedMailbox = false, string? Report = null);
