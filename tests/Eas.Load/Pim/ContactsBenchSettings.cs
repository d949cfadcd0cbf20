namespace Eas.Load.Pim;

/// <summary>The knobs of <c>contacts-bench</c>: how many contacts in which store, and how the phone syncs them.</summary>
internal sealed record ContactsBenchSettings(
    int Contacts, string Store, int WindowSize, string Version, int WarmupWindows, string ServerLogLevel, string? ServerDll, bool KeepData);
