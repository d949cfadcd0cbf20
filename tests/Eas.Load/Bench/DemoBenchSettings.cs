namespace Eas.Load.Bench;

/// <summary>The knobs of <c>demo-bench</c>: how many messages of what size, and how the phones sync them.</summary>
internal sealed record DemoBenchSettings(
    int Messages, int BodyBytes, int WindowSize, int Truncation, string Version, int Devices, int WarmupWindows,
    string ServerLogLevel, string? ServerDll, bool KeepData);
